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

/**
 * The kinds whose entities carry cost labels (`tollgate.dev/team`, `cost-center`,
 * `budget`) of their own, which governance reports one entity at a time: every costed
 * kind but Group and Domain, which gather the spend of others.
 *
 * @public
 */
export const LABELLED_ENTITY_KINDS = COSTED_ENTITY_KINDS.filter(
  kind => kind !== 'Group' && kind !== 'Domain',
);

/** Whether an entity kind, in any case, is one of the given kinds. @public */
export function isKindOf(kinds: readonly string[], kind: string): boolean {
  const lower = kind.toLocaleLowerCase('en-US');
  return kinds.some(k => k.toLocaleLowerCase('en-US') === lower);
}
