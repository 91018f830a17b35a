import {
  AggregationTemporality,
  MeterProvider,
  MetricReader,
  type DataPoint,
} from '@opentelemetry/sdk-metrics';
import {
  Budget,
  BudgetScope,
  ScorecardPillar,
  budgetStatus,
} from '@tollgate/plugin-finops-common';
import { BudgetSnapshot } from '../../budgets/BudgetSnapshot';
import { CostedEntity } from '../../entities/CostedEntity';
import { StoredScorecardResult } from '../../scorecards/ScorecardStore';
import { FinopsGauges } from '../FinopsGauges';

/** A reader that collects when asked, as a Prometheus scrape does. */
class PullReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

type Point = { value: number; attributes: Record<string, unknown> };

export async function collect(reader: PullReader) {
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  const byName = new Map<string, Point[]>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      byName.set(
        metric.descriptor.name,
        (metric.dataPoints as DataPoint<number>[]).map(p => ({
          value: p.value,
          attributes: { ...p.attributes },
        })),
      );
    }
  }
  return (name: string) => byName.get(name) ?? [];
}

/** A list in an order that depends only on its items, to compare lists in any order. */
export function inAnyOrder<T>(list: T[]): T[] {
  const key = (item: T) =>
    JSON.stringify(item, (_, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort())
        : v,
    );
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}

export function start(temporality = AggregationTemporality.CUMULATIVE) {
  const reader = new PullReader({
    aggregationTemporalitySelector: () => temporality,
  });
  const provider = new MeterProvider({ readers: [reader] });
  const gauges = new FinopsGauges(provider.getMeter('tollgate-test'));
  return { reader, provider, gauges };
}

const AS_OF = '2026-11-29';

export const summarizer: CostedEntity = {
  entityRef: 'component:default/summarizer',
  ownScope: { entityRef: 'component:default/summarizer' },
  team: 'ml',
  costCenter: 'cc-4100',
  owner: 'group:default/ml',
  spendRefs: ['component:default/summarizer'],
};
export const translator: CostedEntity = {
  entityRef: 'component:default/translator',
  ownScope: { entityRef: 'component:default/translator' },
  team: 'ml',
  spendRefs: ['component:default/translator'],
};

export function budget(
  scope: BudgetScope,
  amount: string,
  extra: Partial<Budget> = {},
): Budget {
  return {
    id: `test:${JSON.stringify(scope)}`,
    scope,
    amount,
    currency: 'USD',
    period: 'month',
    thresholds: [50, 80, 100],
    enforcement: 'advisory',
    origin: 'api',
    ...extra,
  };
}

/** A status with the whole spend on one day of the current month. */
export function status(b: Budget, spentMicros: bigint) {
  return budgetStatus({
    budget: b,
    daily: new Map([['2026-11-10', spentMicros]]),
    asOf: AS_OF,
  });
}

export function snapshot(
  statuses: ReturnType<typeof status>[],
  entities: CostedEntity[],
) {
  return new BudgetSnapshot(
    `${AS_OF}T10:00:00.000Z`,
    AS_OF,
    statuses,
    [],
    entities,
  );
}

export function scorecard(
  entity: CostedEntity,
  pillars: Record<ScorecardPillar, number | null>,
  score: number | null,
): StoredScorecardResult {
  return {
    result: {
      scorecardId: 'ai-capability',
      title: 'AI capability',
      entityRef: entity.entityRef,
      day: AS_OF,
      score,
      grade: null,
      pillars: (Object.keys(pillars) as ScorecardPillar[]).map(pillar => ({
        pillar,
        score: pillars[pillar],
        grade: null,
        applicableChecks: pillars[pillar] === null ? 0 : 1,
        notApplicableChecks: pillars[pillar] === null ? 1 : 0,
      })),
      checks: [],
    },
    team: entity.team,
    costCenter: entity.costCenter,
  };
}

export const summarizerBudget = budget(
  { entityRef: 'component:default/summarizer' },
  '100.00',
  { enforcement: 'hard', origin: 'annotation' },
);
export const mlBudget = budget({ team: 'ml' }, '1000.00');
export const translatorBudget = budget(
  { entityRef: 'component:default/translator' },
  '50.00',
);
export const ccBudget = budget({ costCenter: 'cc-4100' }, '2000.00', {
  period: 'quarter',
  currency: 'EUR',
});

export const summarizerAttributes = {
  scope: 'entity',
  entity: 'component:default/summarizer',
  team: 'ml',
  cost_center: 'cc-4100',
  currency: 'USD',
  period: 'month',
  enforcement: 'hard',
};
export const mlAttributes = {
  scope: 'team',
  team: 'ml',
  currency: 'USD',
  period: 'month',
  enforcement: 'advisory',
};
export const ccAttributes = {
  scope: 'cost_center',
  cost_center: 'cc-4100',
  currency: 'EUR',
  period: 'quarter',
  enforcement: 'advisory',
};
