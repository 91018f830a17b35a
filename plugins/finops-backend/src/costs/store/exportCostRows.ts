import { DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { ExportedCostRow } from './CostStore';
import { CostPrecedence } from './CostPrecedence';
import { countedAbove, sourcesIn } from './countOnce';
import { recordOfRow } from './recordOfRow';
import { BATCH_SIZE } from './WindowWriter';

/** The cost records of a window, in batches, without those a higher source counts. */
export async function* exportCostRows(
  db: Knex,
  window: DayWindow,
  precedence: CostPrecedence,
): AsyncIterable<ExportedCostRow> {
  const sources = await sourcesIn(db, 'finops_cost_records', window);
  const counted = await sourcesIn(db, 'finops_summary_costs', window);
  let lastId = 0;
  for (;;) {
    const query = db('finops_cost_records')
      .whereBetween('day', [window.from, window.to])
      .where('id', '>', lastId);
    // spend that a source ranked higher counts is left out
    for (const sourceId of sources) {
      const above = precedence.above(sourceId, counted);
      if (above.length) {
        query.whereNot(superseded =>
          superseded
            .where('source_id', sourceId)
            .whereExists(countedAbove(db, 'finops_cost_records', above)),
        );
      }
    }
    const rows = await query.orderBy('id').limit(BATCH_SIZE);
    for (const row of rows) {
      yield { sourceId: row.source_id, ...recordOfRow(row) };
    }
    if (rows.length < BATCH_SIZE) {
      return;
    }
    lastId = Number(rows[rows.length - 1].id);
  }
}
