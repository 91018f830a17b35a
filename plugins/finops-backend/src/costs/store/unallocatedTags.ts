import { DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { sumEffectiveCost } from './effectiveCost';
import { toBigInt } from '../../database/toBigInt';

/** Tags of the unallocated records of a source's day. */
export interface UnallocatedTagSet {
  sourceId: string;
  day: string;
  /** Of the tags asked for, those the records hold. */
  tags: Record<string, string>;
}

/** Unallocated spend of the records that hold one set of tags. */
export interface UnallocatedTagSpend {
  tags: Record<string, string>;
  /** The effective cost that counts, in micro-units. */
  costMicros: bigint;
  /**
   * The effective cost of records whose provider and day a higher-ranked source's
   * unallocated spend counts instead (see countOnce), in micro-units.
   */
  coveredMicros: bigint;
}

/** Unallocated records holding at least one of the tags (the LIKE narrows, JSON decides). */
function unallocatedWithTags(db: Knex, tagKeys: readonly string[]) {
  return db('finops_cost_records')
    .whereNull('entity_ref')
    .where(builder => {
      for (const key of tagKeys) {
        builder.orWhere('tags', 'like', `%${JSON.stringify(key)}%`);
      }
    });
}

/** The tags of `tags` named in `keys`, or undefined when it holds none of them. */
function picked(
  text: string,
  keys: readonly string[],
): Record<string, string> | undefined {
  const tags = JSON.parse(text) as Record<string, unknown>;
  const found: Record<string, string> = {};
  let any = false;
  for (const key of keys) {
    const value = tags[key];
    if (typeof value === 'string') {
      found[key] = value;
      any = true;
    }
  }
  return any ? found : undefined;
}

/**
 * Every source and day with unallocated records holding one of the tags, once per
 * distinct set of those tags' values.
 */
export async function unallocatedTagSets(
  db: Knex,
  tagKeys: readonly string[],
): Promise<UnallocatedTagSet[]> {
  if (tagKeys.length === 0) {
    return [];
  }
  const rows: Array<{ source_id: string; day: string; tags: string }> =
    await unallocatedWithTags(db, tagKeys).distinct('source_id', 'day', 'tags');
  const sets = new Map<string, UnallocatedTagSet>();
  for (const row of rows) {
    const tags = picked(row.tags, tagKeys);
    if (tags) {
      const set = { sourceId: row.source_id, day: row.day, tags };
      sets.set(JSON.stringify(set), set);
    }
  }
  return [...sets.values()];
}

/**
 * Unallocated spend in a window and currency, of the records holding one of the tags,
 * summed by the values of those tags.
 */
export async function unallocatedSpendByTags(
  db: Knex,
  query: { window: DayWindow; currency: string; tagKeys: readonly string[] },
): Promise<UnallocatedTagSpend[]> {
  if (query.tagKeys.length === 0) {
    return [];
  }
  // A record counts while its source's unallocated rollup of its provider and day
  // stands: count-once removes it where a higher-ranked source's counts instead.
  const counted = db('finops_summary_costs as rollup')
    .select(db.raw('1'))
    .whereRaw('rollup.source_id = finops_cost_records.source_id')
    .whereRaw('rollup.provider = finops_cost_records.provider')
    .whereRaw('rollup.day = finops_cost_records.day')
    .whereNull('rollup.entity_ref');
  const rows: Array<{ tags: string; cost: unknown; counted: unknown }> =
    await unallocatedWithTags(db, query.tagKeys)
      .where('currency', query.currency)
      .whereBetween('day', [query.window.from, query.window.to])
      .select(
        'tags',
        db.raw(sumEffectiveCost('cost')),
        db.raw(
          `CASE WHEN EXISTS (${counted.toQuery()}) THEN 1 ELSE 0 END as counted`,
        ),
      )
      .groupBy('tags', 'counted');
  const sums = new Map<string, UnallocatedTagSpend>();
  for (const row of rows) {
    const tags = picked(row.tags, query.tagKeys);
    if (tags) {
      const key = JSON.stringify(tags);
      const sum = sums.get(key) ?? { tags, costMicros: 0n, coveredMicros: 0n };
      if (Number(row.counted) === 1) {
        sum.costMicros += toBigInt(row.cost);
      } else {
        sum.coveredMicros += toBigInt(row.cost);
      }
      sums.set(key, sum);
    }
  }
  return [...sums.values()];
}
