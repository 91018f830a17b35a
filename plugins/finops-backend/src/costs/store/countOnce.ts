import { DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { CostPrecedence } from './CostPrecedence';
import { lockKeys } from '../../database/lockSource';
import { rebuildRollups } from './rebuildRollups';

const ROLLUPS = ['finops_daily_costs', 'finops_summary_costs'];
/** Taken alone by writes of whole windows, shared by metered writes. */
export const COUNT_ONCE_LOCK = 'finops-count-once';
/** Entity refs bound in one statement, inside SQLite's limit of bound values. */
const REFS_PER_STATEMENT = 500;

/**
 * What a source counts in a window: its entities (null for its unallocated spend),
 * providers and days, as keys. Taken before and after a window is replaced, it tells
 * what the source no longer counts.
 */
export async function countedBy(
  trx: Knex.Transaction,
  sourceId: string,
  window: DayWindow,
): Promise<Set<string>> {
  const rows: Array<{
    entity_ref: string | null;
    provider: string;
    day: string;
  }> = await trx('finops_summary_costs')
    .distinct('entity_ref', 'provider', 'day')
    .where('source_id', sourceId)
    .whereBetween('day', [window.from, window.to]);
  return new Set(
    rows.map(row => JSON.stringify([row.entity_ref, row.day, row.provider])),
  );
}

/** The entities (null: unallocated) and days of `before` that `after` does not hold. */
export function lostCounts(
  before: Set<string>,
  after: Set<string>,
): Array<{ entityRef: string | null; day: string }> {
  const lost = new Map<string, { entityRef: string | null; day: string }>();
  for (const key of before) {
    if (!after.has(key)) {
      const [entityRef, day] = JSON.parse(key);
      lost.set(`${entityRef} ${day}`, { entityRef, day });
    }
  }
  return [...lost.values()];
}

/**
 * Counts spend once where sources overlap: where sources have spend of the same entity,
 * provider and day, the rollups of those that `precedence` ranks lower are removed for
 * that day, so that budgets, queries and scores count the highest-ranked figure (an
 * invoice over a vendor's API over telemetry over metered usage, by default).
 * Unallocated spend is one more such entity: a vendor's spend of a project nobody
 * claims is left out of a day whose invoice has unallocated spend of that provider
 * (its untagged rows), which holds the same money. The records of every source stay,
 * for reconciliation. Runs in the transaction of every
 * write of rollups, after the write: a window's write one at a time across replicas,
 * metered writes of entities beside each other.
 *
 * With `restore`, for a window a source has just replaced, the rollups of the sources
 * it ranks above are first rebuilt from their records for the entities and days it no
 * longer counts: those count theirs again.
 */
export async function countOnce(
  trx: Knex.Transaction,
  window: DayWindow,
  precedence: CostPrecedence,
  options: {
    /** Only these entities' rollups, when a write names them. */
    entityRefs?: string[];
    /**
     * The source whose window was replaced, and the entities and days it counted
     * before and no longer does, whose lower-ranked spend is to be counted again.
     */
    restore?: {
      sourceId: string;
      lost: Array<{ entityRef: string | null; day: string }>;
    };
  } = {},
): Promise<void> {
  // Writes of whole windows, which may change what counts anywhere in them, take this
  // lock alone; writes that add the spend of some entities (metered usage) share it,
  // as they change nothing of each other's.
  await lockKeys(
    trx,
    [COUNT_ONCE_LOCK],
    options.entityRefs ? 'shared' : 'exclusive',
  );
  if (options.restore?.lost.length) {
    const stored = await sourcesIn(trx, 'finops_cost_records', window);
    const lostByDay = new Map<string, string[]>();
    const lostUnallocated = new Set<string>();
    for (const { entityRef, day } of options.restore.lost) {
      if (entityRef === null) {
        lostUnallocated.add(day);
      } else {
        lostByDay.set(day, [...(lostByDay.get(day) ?? []), entityRef]);
      }
    }
    for (const sourceId of precedence.below(options.restore.sourceId, stored)) {
      for (const [day, refs] of lostByDay) {
        for (let i = 0; i < refs.length; i += REFS_PER_STATEMENT) {
          await rebuildRollups(
            trx,
            sourceId,
            { from: day, to: day },
            { entityRefs: refs.slice(i, i + REFS_PER_STATEMENT) },
          );
        }
      }
      for (const day of lostUnallocated) {
        await rebuildRollups(
          trx,
          sourceId,
          { from: day, to: day },
          { unallocated: true },
        );
      }
    }
  }
  const sources = await sourcesIn(
    trx,
    'finops_summary_costs',
    window,
    options.entityRefs,
  );
  for (const sourceId of sources) {
    const above = precedence.above(sourceId, sources);
    if (!above.length) continue;
    for (const table of ROLLUPS) {
      const rows = trx(table)
        .where('source_id', sourceId)
        .whereBetween('day', [window.from, window.to]);
      await (options.entityRefs
        ? rows.whereIn('entity_ref', options.entityRefs)
        : rows
      )
        .whereExists(countedAbove(trx, table, above))
        .delete();
    }
  }
}

/**
 * Whether a source of `above` has spend of a row's entity (or, for an unallocated row,
 * unallocated spend), provider and day: the row's spend is counted by that source
 * instead.
 */
export function countedAbove(
  db: Knex | Knex.Transaction,
  table: string,
  above: string[],
) {
  const entityRef = `${table}.entity_ref`;
  return db('finops_summary_costs as counted')
    .select(db.raw('1'))
    .whereIn('counted.source_id', above)
    .where(same =>
      same
        .whereRaw('counted.entity_ref = ??', [entityRef])
        .orWhere(unallocated =>
          unallocated
            .whereNull('counted.entity_ref')
            .whereRaw('?? IS NULL', [entityRef]),
        ),
    )
    .whereRaw('counted.provider = ??', [`${table}.provider`])
    .whereRaw('counted.day = ??', [`${table}.day`]);
}

/** The sources with rows in a table's window. */
export async function sourcesIn(
  db: Knex | Knex.Transaction,
  table: string,
  window: DayWindow,
  /** Only rows of these entities. */
  entityRefs?: string[],
): Promise<string[]> {
  const query = db(table)
    .distinct('source_id')
    .whereBetween('day', [window.from, window.to]);
  const rows: Array<{ source_id: string }> = await (entityRefs
    ? query.whereIn('entity_ref', entityRefs)
    : query);
  return rows.map(row => row.source_id);
}
