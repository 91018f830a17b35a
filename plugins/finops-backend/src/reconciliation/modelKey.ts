/** Model records that name no model are compared under this key. */
export const NO_MODEL = '(no model)';

/**
 * The name a model is compared by across sources: lower case, without a provider
 * prefix (`openai/gpt-4o`) and without a dated snapshot suffix, so that a vendor's
 * `gpt-4o-2024-08-06` or `claude-sonnet-4-20250514` lines up with an invoice's `gpt-4o`
 * or `claude-sonnet-4`.
 */
export function modelKey(model: string | null | undefined): string {
  const trimmed = model?.trim().toLocaleLowerCase('en-US') ?? '';
  const bare = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return bare.replace(/[-@](\d{4}-\d{2}-\d{2}|\d{8})$/, '') || NO_MODEL;
}
