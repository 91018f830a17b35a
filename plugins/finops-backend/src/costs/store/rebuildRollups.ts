import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { recordOfRow } from './recordOfRow';
import { BATCH_SIZE, WindowWriter } from './WindowWriter';

/**
 * Sums a source's stored records in a window (or of some entities in it, or its
 * unallocated ones) into its
 * rollups anew, giving each record the attribution `attribute` answers for it (the same
 * record when it stays as it is) and storing the records whose attribution changed.
 * Answers how many changed. Runs in the caller's transaction.
 */
export async function rebuildRollups(
  trx: Knex.Transaction,
  sourceId: string,
  window: DayWindow,
  options: {
    attribute?: (record: CostRecord) => CostRecord;
    /** Only these entities' records and rollups. */
    entityRefs?: string[];
    /** Only the unallocated records and rollups. */
    unallocated?: boolean;
  } = {},
): Promise<number> {
  const attribute = options.attribute ?? ((record: CostRecord) => record);
  const inWindow = (table: string) => {
    const rows = trx(table)
      .where('source_id', sourceId)
      .whereBetween('day', [window.from, window.to]);
    if (options.unallocated) {
      return rows.whereNull('entity_ref');
    }
    return options.entityRefs
      ? rows.whereIn('entity_ref', options.entityRefs)
      : rows;
  };
  for (const table of ['finops_daily_costs', 'finops_summary_costs']) {
    await inWindow(table).delete();
  }
  const writer = new WindowWriter(trx, sourceId);
  const updates = new Map<string, { record: CostRecord; ids: number[] }>();
  let lastId = 0;
  for (;;) {
    const rows = await inWindow('finops_cost_records')
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(BATCH_SIZE);
    for (const row of rows) {
      const stored = recordOfRow(row);
      const record = attribute(stored);
      if (record !== stored) {
        const key = JSON.stringify([
          record.entityRef,
          record.costCenter,
          record.team,
          record.tags,
        ]);
        const update = updates.get(key) ?? { record, ids: [] };
        update.ids.push(Number(row.id));
        updates.set(key, update);
      }
      const written = writer.addToRollups(record);
      if (written) {
        await written;
      }
    }
    if (rows.length < BATCH_SIZE) {
      break;
    }
    lastId = Number(rows[rows.length - 1].id);
  }
  let changed = 0;
  for (const { record, ids } of updates.values()) {
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      changed += await trx('finops_cost_records')
        .whereIn('id', ids.slice(i, i + BATCH_SIZE))
        .update({
          entity_ref: record.entityRef ?? null,
          cost_center: record.costCenter ?? null,
          team: record.team ?? null,
          tags:
            record.tags && Object.keys(record.tags).length
              ? JSON.stringify(record.tags)
              : null,
        });
    }
  }
  await writer.finish();
  return changed;
}
