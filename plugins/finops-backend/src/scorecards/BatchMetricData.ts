import {
  CostDimensionKind,
  CostGroupBy,
  DayWindow,
} from '@tollgate/plugin-finops-common';
import { ScorecardCostGroup, UsageMetric } from '@tollgate/plugin-finops-node';
import { CostStore } from '../database/CostStore';
import { mergeUnits } from '../database/mergeUnits';
import { RowsByRef } from './RowsByRef';

/**
 * The spend and usage metrics that the metric contexts of a batch of entities read.
 * Each query a metric asks for (daily spend, spend by a dimension, or one usage metric,
 * in one window) runs once for all the entities of the batch, when first asked for;
 * each entity's answer is then read from memory, over all its spend refs, as the same
 * query for that entity alone would answer it.
 */
export class BatchMetricData {
  private readonly loaded = new Map<string, Promise<RowsByRef<any>>>();

  constructor(
    private readonly options: {
      costStore: CostStore;
      currency: string;
      /** The spend refs of every entity of the batch. */
      entityRefs: string[];
    },
  ) {}

  /** Spend per day, days in order. */
  async dailySpend(
    spendRefs: string[],
    window: DayWindow,
  ): Promise<Map<string, bigint>> {
    const { costStore, currency, entityRefs } = this.options;
    const rows = await this.load(['daily', window.from, window.to], () =>
      costStore.entitiesDaily({ entityRefs, window, currency }),
    );
    const daily = new Map<string, bigint>();
    for (const row of rows.of(spendRefs)) {
      daily.set(row.day, (daily.get(row.day) ?? 0n) + row.costMicros);
    }
    return daily;
  }

  /** Spend and quantity by a dimension, most spend first. */
  async costBy(
    spendRefs: string[],
    groupBy: CostGroupBy,
    window: DayWindow,
    dimensionKind?: CostDimensionKind,
  ): Promise<ScorecardCostGroup[]> {
    const { costStore, currency, entityRefs } = this.options;
    const rows = await this.load(
      ['by', groupBy, dimensionKind ?? '', window.from, window.to],
      () =>
        costStore.entitiesBreakdown({
          entityRefs,
          window,
          groupBy,
          currency,
          dimensionKind,
        }),
    );
    return mergeUnits(rows.of(spendRefs));
  }

  /** One usage metric's values, by day. */
  async usage(
    spendRefs: string[],
    metric: string,
    window: DayWindow,
  ): Promise<UsageMetric[]> {
    const { costStore, entityRefs } = this.options;
    const rows = await this.load(
      ['usage', metric, window.from, window.to],
      () => costStore.usageMetrics({ entityRefs, window, metrics: [metric] }),
    );
    return rows.of(spendRefs);
  }

  private load<T extends { entityRef: string }>(
    key: string[],
    query: () => Promise<T[]>,
  ): Promise<RowsByRef<T>> {
    const id = JSON.stringify(key);
    let rows = this.loaded.get(id);
    if (!rows) {
      rows = query().then(result => new RowsByRef(result));
      this.loaded.set(id, rows);
    }
    return rows;
  }
}
