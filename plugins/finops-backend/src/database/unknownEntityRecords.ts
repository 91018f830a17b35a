import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { lockSource } from './lockSource';
import { countOnce } from './countOnce';
import { CostPrecedence } from './CostPrecedence';
import { recordOfRow } from './recordOfRow';
import { BATCH_SIZE, WindowWriter } from './WindowWriter';

/** The tag in which a record kept as unallocated keeps the entity ref it named. */
export const UNKNOWN_ENTITY_TAG = 'tollgate.unknownEntityRef';

/** A source's day holding records that named an entity the catalog did not have. */
export interface UnknownEntityClaim {
  sourceId: string;
  day: string;
  /** The entity ref as the source wrote it. */
  entityRef: string;
}

/** Every source and day with records kept as unallocated for lack of their entity. */
export async function unknownEntityClaims(
  db: Knex,
): Promise<UnknownEntityClaim[]> {
  const rows: Array<{ source_id: string; day: string; tags: string }> =
    await db('finops_cost_records')
      .distinct('source_id', 'day', 'tags')
      .whereNull('entity_ref')
      .where('tags', 'like', `%"${UNKNOWN_ENTITY_TAG}"%`);
  const claims = new Map<string, UnknownEntityClaim>();
  for (const row of rows) {
    const entityRef = JSON.parse(row.tags)[UNKNOWN_ENTITY_TAG];
    if (typeof entityRef === 'string') {
      const claim = { sourceId: row.source_id, day: row.day, entityRef };
      claims.set(JSON.stringify(claim), claim);
    }
  }
  return [...claims.values()];
}

/**
 * Gives a source's stored records in a window the attribution `attribute` answers for
 * them (the same record when it stays as it is), and rebuilds the window's rollups
 * from the records, in one transaction. Answers how many records changed.
 */
export async function reattributeWindow(
  db: Knex,
  sourceId: string,
  window: DayWindow,
  attribute: (record: CostRecord) => CostRecord,
  precedence: CostPrecedence,
): Promise<number> {
  return db.transaction(async trx => {
    await lockSource(trx, sourceId);
    for (const table of ['finops_daily_costs', 'finops_summary_costs']) {
      await trx(table)
        .where('source_id', sourceId)
        .whereBetween('day', [window.from, window.to])
        .delete();
    }
    const writer = new WindowWriter(trx, sourceId);
    const updates = new Map<string, { record: CostRecord; ids: number[] }>();
    let lastId = 0;
    for (;;) {
      const rows = await trx('finops_cost_records')
        .where('source_id', sourceId)
        .whereBetween('day', [window.from, window.to])
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
    await countOnce(trx, window, precedence);
    return changed;
  });
}
