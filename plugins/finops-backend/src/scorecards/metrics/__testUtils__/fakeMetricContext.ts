import { Entity } from '@backstage/catalog-model';
import { BudgetStatus, DayWindow } from '@tollgate/plugin-finops-common';
import {
  ScopeAllocation,
  ScorecardCostGroup,
  ScorecardMetricContext,
  UsageMetric,
} from '@tollgate/plugin-finops-node';

const inWindow = (day: string, w: DayWindow) => day >= w.from && day <= w.to;

/** A metric context over in-memory data, for metric tests. */
export function fakeMetricContext(data: {
  entity?: Partial<Entity>;
  asOf?: string;
  spend?: Record<string, bigint>;
  groups?: Record<string, ScorecardCostGroup[]>;
  usage?: UsageMetric[];
  related?: Record<string, Entity[]>;
  budgets?: { own?: BudgetStatus; inherited: BudgetStatus[] };
  allocation?: Partial<Record<'team' | 'costCenter', ScopeAllocation>>;
}): ScorecardMetricContext {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer' },
    spec: {},
    ...data.entity,
  } as Entity;
  return {
    entity,
    entityRef: 'component:default/summarizer',
    asOf: data.asOf ?? '2026-12-31',
    currency: 'USD',
    dailySpend: async window =>
      new Map(
        Object.entries(data.spend ?? {}).filter(([day]) =>
          inWindow(day, window),
        ),
      ),
    costBy: async (groupBy, _window, filter) =>
      data.groups?.[
        `${groupBy}${filter?.dimensionKind ? `/${filter.dimensionKind}` : ''}`
      ] ?? [],
    usage: async (metric, window) =>
      (data.usage ?? []).filter(
        u => u.metric === metric && inWindow(u.day, window),
      ),
    related: type => data.related?.[type] ?? [],
    budgets: () => data.budgets ?? { inherited: [] },
    scopeAllocation: async by => data.allocation?.[by],
  };
}

/** One usage metric of the test entity. */
export function usage(
  day: string,
  metric: string,
  value: number,
  labels?: Record<string, string>,
): UsageMetric {
  return {
    day,
    entityRef: 'component:default/summarizer',
    metric,
    value,
    ...(labels ? { labels } : {}),
  };
}

/** Computes a metric by id from a list. */
export async function computeMetric(
  metrics: Array<{
    id: string;
    compute: (c: ScorecardMetricContext) => unknown;
  }>,
  id: string,
  context: ScorecardMetricContext,
) {
  const metric = metrics.find(m => m.id === id);
  if (!metric) throw new Error(`no metric ${id}`);
  return metric.compute(context);
}
