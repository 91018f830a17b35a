import {
  CostDimensionKind,
  CostGroupBy,
  DayWindow,
} from '@tollgate/plugin-finops-common';
import { ScorecardCostGroup, UsageMetric } from '@tollgate/plugin-finops-node';
import {
  CostStore,
  EntityCostLine,
  EntityDailySpend,
} from '../costs/store/CostStore';
import { costGroupKey } from '../costs/store/costGroupKeys';
import { mergeUnits } from '../costs/store/mergeUnits';
import { RowsByRef } from './RowsByRef';
import { sumCostByDay } from './sumCostByDay';

/** One query of a batch: what it loads, for which window, and how. */
export interface BatchQuery {
  /** What is loaded, such as daily spend or one usage metric. */
  kind: string;
  window: DayWindow;
  /** Whether its rows have a day, so that a wider window's rows answer it too. */
  byDay: boolean;
  run(entityRefs: string[]): Promise<unknown>;
}

const byDay =
  <T extends { day: string }>(rows: T[]) =>
  (a: number, b: number) =>
    rows[a].day < rows[b].day ? -1 : Number(rows[a].day > rows[b].day);

const within = (window: DayWindow) => (row: { day: string }) =>
  row.day >= window.from && row.day <= window.to;

/**
 * The spend and usage metrics that the metric contexts of a batch of entities read.
 * Each query the metrics ask for (daily spend, spend by any dimension, or one usage
 * metric, in one window) runs once for all the entities of the batch, when first
 * asked for, or at once when the batch follows another that asked for it; a window
 * within one already loaded is read from that one's rows. Each entity's answer is then
 * read from memory over all its spend refs, the same as the query for that entity
 * alone answers (`entityDaily`, `entityBreakdown`, `usageMetrics`).
 */
export class BatchMetricData {
  private readonly queries: Array<BatchQuery & { rows: Promise<unknown> }> = [];

  constructor(
    private readonly options: {
      costStore: CostStore;
      currency: string;
      /** The spend refs of every entity of the batch. */
      entityRefs: string[];
      /** Queries to start at once, such as those the previous batch needed. */
      prefetch?: BatchQuery[];
    },
  ) {
    for (const query of options.prefetch ?? []) {
      const rows = query.run(options.entityRefs);
      // Awaited when asked for; a failure is reported then, not as unhandled.
      rows.catch(() => {});
      this.queries.push({ ...query, rows });
    }
  }

  /** The queries this batch ran, to prefetch for the next one. */
  plan(): BatchQuery[] {
    return this.queries.map(({ rows: _, ...query }) => query);
  }

  /** Spend per day, days in order. */
  async dailySpend(
    spendRefs: string[],
    window: DayWindow,
  ): Promise<Map<string, bigint>> {
    const { costStore, currency } = this.options;
    const { rows, exact } = this.load<RowsByRef<EntityDailySpend>>({
      kind: 'daily',
      window,
      byDay: true,
      run: entityRefs =>
        costStore
          .entitiesDaily({ entityRefs, window, currency })
          .then(result => new RowsByRef(result)),
    });
    const daily = await rows;
    let own = daily.of(spendRefs, byDay(daily.rows));
    if (!exact) own = own.filter(within(window));
    return sumCostByDay(own);
  }

  /** Spend and quantity by a dimension, most spend first. */
  async costBy(
    spendRefs: string[],
    groupBy: CostGroupBy,
    window: DayWindow,
    dimensionKind?: CostDimensionKind,
  ): Promise<ScorecardCostGroup[]> {
    const { costStore, currency } = this.options;
    const lines = await this.load<RowsByRef<EntityCostLine>>({
      kind: 'lines',
      window,
      byDay: false,
      run: entityRefs =>
        costStore
          .entitiesCostLines({ entityRefs, window, currency })
          .then(result => new RowsByRef(result)),
    }).rows;
    return mergeUnits(
      lines
        .of(spendRefs)
        .filter(line => !dimensionKind || line.dimensionKind === dimensionKind)
        .map(line => ({
          key: costGroupKey(groupBy, line),
          unit: line.unit,
          costMicros: line.costMicros,
          quantity: line.quantity,
        })),
    );
  }

  /** One usage metric's values, by day and then in the order they were stored. */
  async usage(
    spendRefs: string[],
    metric: string,
    window: DayWindow,
  ): Promise<UsageMetric[]> {
    const { costStore } = this.options;
    const { rows, exact } = this.load({
      kind: `usage:${metric}`,
      window,
      byDay: true,
      run: entityRefs =>
        costStore
          .entitiesUsage({ entityRefs, window, metric })
          .then(({ metrics, ids }) => {
            const dayOrder = byDay(metrics);
            return {
              metrics: new RowsByRef(metrics),
              order: (a: number, b: number) =>
                dayOrder(a, b) || ids[a] - ids[b],
            };
          }),
    });
    const usage = await rows;
    const own = usage.metrics.of(spendRefs, usage.order);
    return exact ? own : own.filter(within(window));
  }

  /** The rows of a query: its own, or those of a wider window of the same kind. */
  private load<T>(
    query: Omit<BatchQuery, 'run'> & { run(refs: string[]): Promise<T> },
  ): {
    rows: Promise<T>;
    exact: boolean;
  } {
    const { kind, window } = query;
    const same = (w: DayWindow) => w.from === window.from && w.to === window.to;
    const covers = (w: DayWindow) => w.from <= window.from && w.to >= window.to;
    const loaded =
      this.queries.find(q => q.kind === kind && same(q.window)) ??
      (query.byDay
        ? this.queries.find(q => q.kind === kind && covers(q.window))
        : undefined);
    if (loaded) {
      return { rows: loaded.rows as Promise<T>, exact: same(loaded.window) };
    }
    const rows = query.run(this.options.entityRefs);
    this.queries.push({ ...query, rows });
    return { rows, exact: true };
  }
}
