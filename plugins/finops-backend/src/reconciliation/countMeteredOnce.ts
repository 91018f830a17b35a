import { providerSlug } from '@tollgate/plugin-finops-common';
import { TokenRecordGroup } from './ReconciliationStore';

/**
 * Of the token records of telemetry sources and of metered usage, those that count:
 * where several sources have tokens of the same entity, provider and day (a Prometheus
 * source and a gateway reporting the same calls), only those of the sources `rank`
 * ranks highest, as spend counts once. Unallocated records are one entity of their own.
 */
export function countMeteredOnce(
  groups: TokenRecordGroup[],
  rank: (sourceId: string) => number,
): TokenRecordGroup[] {
  const keyOf = (group: TokenRecordGroup) =>
    JSON.stringify([
      group.entityRef ?? null,
      providerSlug(group.provider),
      group.day,
    ]);
  const highest = new Map<string, number>();
  for (const group of groups) {
    const key = keyOf(group);
    highest.set(
      key,
      Math.max(highest.get(key) ?? -Infinity, rank(group.sourceId)),
    );
  }
  return groups.filter(
    group => rank(group.sourceId) === highest.get(keyOf(group)),
  );
}
