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
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { CostedCatalog } from '../entities/CostedCatalog';
import { CostedEntity } from '../entities/CostedEntity';
import { BatchMetricData } from './BatchMetricData';
import { memo } from './memo';

/** What one evaluation shares between entities: the catalog, budgets and org totals. */
export interface EvaluationData {
  currency: string;
  asOf: string;
  /** The catalog read the budget snapshot was built from. */
  catalog: CostedCatalog;
  budgets: BudgetSnapshot;
  /** Team and cost center spend, loaded once per window for all entities. */
  scopeAllocation(
    by: 'team' | 'costCenter',
    window: DayWindow,
  ): Promise<Map<string, ScopeAllocation>>;
}

/**
 * The metric context of one entity, reading spend and usage from the data of its
 * batch; each answer is computed once however many checks read it.
 */
export function createMetricContext(
  entity: Entity,
  budgeted: CostedEntity,
  data: EvaluationData,
  metricData: BatchMetricData,
): ScorecardMetricContext {
  const { currency, asOf } = data;
  const refs = budgeted.spendRefs;
  const cache = new Map<string, Promise<any>>();
  const windowKey = (w: DayWindow) => `${w.from}..${w.to}`;
  return {
    entity,
    entityRef: budgeted.entityRef,
    asOf,
    currency,
    dailySpend: window =>
      memo(cache, `daily:${windowKey(window)}`, () =>
        metricData.dailySpend(refs, window),
      ),
    costBy: (
      groupBy: CostGroupBy,
      window: DayWindow,
      filter?: { dimensionKind?: CostDimensionKind },
    ) =>
      memo(
        cache,
        `by:${groupBy}:${filter?.dimensionKind ?? ''}:${windowKey(window)}`,
        () => metricData.costBy(refs, groupBy, window, filter?.dimensionKind),
      ),
    usage: (metric, window) =>
      memo(cache, `usage:${metric}:${windowKey(window)}`, () =>
        metricData.usage(refs, metric, window),
      ),
    related: relationType =>
      (entity.relations ?? [])
        .filter(r => r.type === relationType)
        .map(r => data.catalog.catalogEntity(r.targetRef))
        .filter((e): e is Entity => e !== undefined),
    budgets: () => data.budgets.budgetsOf(budgeted),
    scopeAllocation: async (by, window) => {
      const key = by === 'team' ? budgeted.team : budgeted.costCenter;
      if (!key) return undefined;
      return (await data.scopeAllocation(by, window)).get(key);
    },
  };
}
