import { DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { lockSource } from './lockSource';

/** The source that metered spend (usage reported as it happens) is stored as. */
export const METERED_SOURCE_ID = 'metered';

const ROLLUPS = ['finops_daily_costs', 'finops_summary_costs'];

/**
 * Counts metered spend once beside authoritative spend: where another source (an
 * invoice, a vendor's usage or cost API) has spend of the same entity, provider and day,
 * the metered rollups of that entity, provider and day are removed, so that budgets,
 * queries and scores count the authoritative figure. The metered records themselves
 * stay, for reconciliation. Runs in the transaction of every write of rollups in the
 * window, with metered writes locked out meanwhile.
 */
export async function supersedeMetered(
  trx: Knex.Transaction,
  window: DayWindow,
  /** Only these entities' metered rollups, when a metered write names them. */
  entityRefs?: string[],
): Promise<void> {
  await lockSource(trx, METERED_SOURCE_ID);
  for (const table of ROLLUPS) {
    const rows = trx(table)
      .where('source_id', METERED_SOURCE_ID)
      .whereBetween('day', [window.from, window.to])
      .whereNotNull('entity_ref');
    await (entityRefs ? rows.whereIn('entity_ref', entityRefs) : rows)
      .whereExists(authoritative(trx, table))
      .delete();
  }
}

/** Whether a record of a metered row's entity, provider and day is authoritative. */
export function authoritative(trx: Knex | Knex.Transaction, table: string) {
  return trx('finops_summary_costs as authoritative')
    .select(trx.raw('1'))
    .whereNot('authoritative.source_id', METERED_SOURCE_ID)
    .whereRaw('authoritative.entity_ref = ??', [`${table}.entity_ref`])
    .whereRaw('authoritative.provider = ??', [`${table}.provider`])
    .whereRaw('authoritative.day = ??', [`${table}.day`]);
}
