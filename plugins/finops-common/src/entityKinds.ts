/**
 * The kinds of catalog entity that spend can be attributed to. Spend that names an
 * entity of another kind (a User, a Location) is kept as unallocated.
 *
 * @public
 */
export const COSTED_ENTITY_KINDS = [
  'Component',
  'Resource',
  'System',
  'API',
  'Group',
  'Domain',
] as const;

/**
 * The kinds whose entities a budget can cover by entity ref: every costed kind but
 * Group, whose budget is its team's (`{ team }`).
 *
 * @public
 */
export const BUDGETED_ENTITY_KINDS = COSTED_ENTITY_KINDS.filter(
  kind => kind !== 'Group',
);

/** Whether an entity kind, in any case, is one of the given kinds. @public */
export function isKindOf(kinds: readonly string[], kind: string): boolean {
  const lower = kind.toLocaleLowerCase('en-US');
  return kinds.some(k => k.toLocaleLowerCase('en-US') === lower);
}
