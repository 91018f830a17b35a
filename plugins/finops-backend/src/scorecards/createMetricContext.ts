import { Entity } from '@backstage/catalog-model';
import {
  CostDimensionKind,
  CostGroupBy,
  DayWindow,
} from '@tollgate/plugin-finops-common';
import {
  ScopeAllocation,
  ScorecardMetricContext,
} from '@tollgate/plugin-finops-node';
import { BudgetSnapshot, BudgetedEntity } from '../budgets/BudgetSnapshot';
import { CostStore } from '../database/CostStore';

/** What one evaluation shares between entities: the catalog, budgets and org totals. */
export interface EvaluationData {
  costStore: CostStore;
  currency: string;
  asOf: string;
  entitiesByRef: Map<string, Entity>;
  budgets: BudgetSnapshot;
  /** Team and cost center spend, loaded once per window for all entities. */
  scopeAllocation(
    by: 'team' | 'costCenter',
    window: DayWindow,
  ): Promise<Map<string, ScopeAllocation>>;
}

function memo<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  load: () => Promise<T>,
) {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

/** The metric context of one entity; each query runs once however many checks read it. */
export function createMetricContext(
  entity: Entity,
  budgeted: BudgetedEntity,
  data: EvaluationData,
): ScorecardMetricContext {
  const { costStore, currency, asOf } = data;
  const entityRefs = budgeted.spendRefs;
  const cache = new Map<string, Promise<any>>();
  const windowKey = (w: DayWindow) => `${w.from}..${w.to}`;
  return {
    entity,
    entityRef: budgeted.entityRef,
    asOf,
    currency,
    dailySpend: window =>
      memo(cache, `daily:${windowKey(window)}`, async () => {
        const rows = await costStore.entityDaily({
          entityRefs,
          window,
          groupBy: 'source',
          currency,
        });
        const daily = new Map<string, bigint>();
        for (const row of rows) {
          daily.set(row.day, (daily.get(row.day) ?? 0n) + row.costMicros);
        }
        return daily;
      }),
    costBy: (
      groupBy: CostGroupBy,
      window: DayWindow,
      filter?: { dimensionKind?: CostDimensionKind },
    ) =>
      memo(
        cache,
        `by:${groupBy}:${filter?.dimensionKind ?? ''}:${windowKey(window)}`,
        () =>
          costStore.entityBreakdown({
            entityRefs,
            window,
            groupBy,
            currency,
            dimensionKind: filter?.dimensionKind,
          }),
      ),
    usage: (metric, window) =>
      memo(cache, `usage:${metric}:${windowKey(window)}`, () =>
        costStore.usageMetrics({ entityRefs, window, metrics: [metric] }),
      ),
    related: relationType =>
      (entity.relations ?? [])
        .filter(r => r.type === relationType)
        .map(r =>
          data.entitiesByRef.get(r.targetRef.toLocaleLowerCase('en-US')),
        )
        .filter((e): e is Entity => e !== undefined),
    budgets: () => data.budgets.budgetsOf(budgeted),
    scopeAllocation: async (by, window) => {
      const key = by === 'team' ? budgeted.team : budgeted.costCenter;
      if (!key) return undefined;
      return (await data.scopeAllocation(by, window)).get(key);
    },
  };
}
