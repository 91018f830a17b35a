import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ScorecardFilter } from './types';

const lower = (text: string) => text.toLocaleLowerCase('en-US');

function ownerRef(owner: string): string {
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return lower(`${ref.kind}:${ref.namespace}/${ref.name}`);
  } catch {
    return lower(owner);
  }
}

/**
 * Whether a scorecard's filter matches an entity: its kind, `spec.type`, any tag and
 * `spec.owner` (an owner given as a bare name means a group in the default namespace).
 *
 * @public
 */
export function matchesScorecard(
  filter: ScorecardFilter,
  entity: Entity,
): boolean {
  const spec = (entity.spec ?? {}) as { type?: unknown; owner?: unknown };
  if (
    filter.kinds &&
    !filter.kinds.some(k => lower(k) === lower(entity.kind))
  ) {
    return false;
  }
  if (filter.types) {
    const type = typeof spec.type === 'string' ? lower(spec.type) : undefined;
    if (!filter.types.some(t => lower(t) === type)) return false;
  }
  if (filter.tags) {
    const tags = (entity.metadata.tags ?? []).map(lower);
    if (!filter.tags.some(t => tags.includes(lower(t)))) return false;
  }
  if (filter.owners) {
    if (typeof spec.owner !== 'string') return false;
    const owner = ownerRef(spec.owner);
    if (!filter.owners.some(o => ownerRef(o) === owner)) return false;
  }
  return true;
}
