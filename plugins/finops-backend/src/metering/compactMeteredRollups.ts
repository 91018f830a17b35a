import { Knex } from 'knex';
import { COUNT_ONCE_LOCK } from '../costs/store/countOnce';
import { DAILY_COLUMNS, SUMMARY_COLUMNS } from '../costs/store/CostRollups';
import { lockKeys } from '../database/lockSource';
import { METERED_SOURCE_ID } from '../costs/store/meteredSource';
import { MERGED_EFFECTIVE_COST_SQL } from '../costs/store/effectiveCost';

/** Each rollup with the columns its groups are told apart by, and those it sums. */
const ROLLUPS = [
  { table: 'finops_summary_costs', columns: SUMMARY_COLUMNS },
  { table: 'finops_daily_costs', columns: DAILY_COLUMNS },
].map(({ table, columns }) => {
  const sums: string[] = [
    'quantity',
    'billed_cost',
    'effective_cost',
    'record_count',
  ];
  return {
    table,
    group: columns.filter(column => !sums.includes(column)),
    sums: columns.filter(column => sums.includes(column)),
  };
});

/**
 * Merges the metered rollup rows of some entities on a day into one row per group.
 * Metered writes add rows as usage comes in, one per group and report, and budget
 * sums read every row: merged, the rows a budget reads stay as many as its groups,
 * however much usage is reported. Runs with the count-once lock held alone, which
 * every metered write takes before it commits, so that a row either is merged or was
 * not yet committed and stays as written; rows are merged up to the highest id seen,
 * and the merged rows come after it.
 */
export async function compactMeteredRollups(
  db: Knex,
  day: string,
  entityRefs: string[],
): Promise<void> {
  if (!entityRefs.length) {
    return;
  }
  await db.transaction(async trx => {
    await lockKeys(trx, [COUNT_ONCE_LOCK]);
    for (const { table, group, sums } of ROLLUPS) {
      const rows = () =>
        trx(table)
          .where({ source_id: METERED_SOURCE_ID, day })
          .whereIn('entity_ref', entityRefs);
      const [{ max_id: maxId, rows: count }] = await rows()
        .max({ max_id: 'id' })
        .count({ rows: '*' });
      if (maxId === null || Number(count) < 2) {
        continue;
      }
      const merged = rows()
        .where('id', '<=', maxId)
        .select(group)
        .groupBy(group);
      for (const column of sums) {
        if (column === 'effective_cost') {
          merged.select(trx.raw(`${MERGED_EFFECTIVE_COST_SQL} AS ${column}`));
        } else {
          merged.sum({ [column]: column });
        }
      }
      const { sql, bindings } = merged.toSQL();
      const columns = [...group, ...sums];
      await trx.raw(
        `INSERT INTO ?? (${columns.map(() => '??').join(', ')}) ${sql}`,
        [table, ...columns, ...bindings],
      );
      await rows().where('id', '<=', maxId).delete();
    }
  });
}
