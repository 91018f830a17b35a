/**
 * A provider's name as cost records carry it, so that every source names a provider
 * alike: `Solora AI` becomes `solora-ai`, `OpenAI` becomes `openai`.
 *
 * @public
 */
export function providerSlug(name: string): string {
  return name
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
