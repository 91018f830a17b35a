import { InputError } from '@backstage/errors';
import { DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { StoredItem } from './CostStore';
import { CostPrecedence } from './CostPrecedence';
import { countOnce, countedBy, lostCounts } from './countOnce';
import { WindowWriter } from './WindowWriter';
import { lockSource } from '../../database/lockSource';
import { yieldToEventLoop } from '../../database/yieldToEventLoop';

/**
 * Replaces a source's records and metrics of a window with the given items, in one
 * transaction, then counts each day's spend once again.
 */
export function replaceSourceWindow(
  db: Knex,
  precedence: CostPrecedence,
  sourceId: string,
  window: DayWindow,
  items: AsyncIterable<StoredItem | StoredItem[]>,
  options: { allowEmpty?: boolean } = {},
): Promise<{ records: number; metrics: number }> {
  return db.transaction(async trx => {
    await lockSource(trx, sourceId);
    const countedBefore = await countedBy(trx, sourceId, window);
    let replaced = 0;
    for (const table of [
      'finops_cost_records',
      'finops_daily_costs',
      'finops_summary_costs',
      'finops_usage_metrics',
    ]) {
      const deleted = await trx(table)
        .where('source_id', sourceId)
        .whereBetween('day', [window.from, window.to])
        .delete();
      if (table === 'finops_cost_records') {
        replaced = deleted;
      }
    }
    const writer = new WindowWriter(trx, sourceId);
    const counts = { records: 0, metrics: 0 };
    /** The day last checked to be inside the window: items come a day at a time. */
    let dayInside: string | undefined;
    const add = (item: StoredItem) => {
      const day = item.type === 'cost' ? item.record.day : item.metric.day;
      if (day !== dayInside) {
        if (day < window.from || day > window.to) {
          throw new InputError(
            `Source ${sourceId} returned data for ${day}, outside the window ${window.from}..${window.to}`,
          );
        }
        dayInside = day;
      }
      counts[item.type === 'cost' ? 'records' : 'metrics'] += 1;
      return item.type === 'cost'
        ? writer.addCost(item.record)
        : writer.addMetric(item.metric);
    };
    for await (const item of items) {
      for (const one of Array.isArray(item) ? item : [item]) {
        const written = add(one);
        if (written) {
          await written;
        }
      }
    }
    if (counts.records === 0 && replaced > 0 && !options.allowEmpty) {
      throw new InputError(
        `Source ${sourceId} returned no cost records for ${window.from}..${window.to}, which has ${replaced} stored: kept them (a source that may report empty days can allow it)`,
      );
    }
    await writer.finish();
    // The statements that follow each read or change the whole window: on SQLite,
    // where each holds the event loop, requests are let in between them.
    await yieldToEventLoop();
    const countedAfter = await countedBy(trx, sourceId, window);
    await yieldToEventLoop();
    await countOnce(trx, window, precedence, {
      restore: { sourceId, lost: lostCounts(countedBefore, countedAfter) },
    });
    await yieldToEventLoop();
    return counts;
  });
}
