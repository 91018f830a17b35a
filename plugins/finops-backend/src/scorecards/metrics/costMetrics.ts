import {
  readApiBilling,
  readEntityCostLabels,
} from '@tollgate/plugin-finops-common';
import { ScorecardMetric } from '@tollgate/plugin-finops-node';
import {
  lastDays,
  previousDays,
  ratio,
  relativeChange,
  totalOf,
  units,
} from './metricWindows';
import { unitCost } from './unitCost';

const MONTH = 30;

function allBudgets(context: Parameters<ScorecardMetric['compute']>[0]) {
  const { own, inherited } = context.budgets();
  return own ? [own, ...inherited] : inherited;
}

/** Metrics of the cost pillar. */
export const costMetrics: ScorecardMetric[] = [
  {
    id: 'cost-center-labelled',
    description:
      'Whether the entity declares a valid tollgate.dev/cost-center annotation (boolean).',
    compute: ({ entity }) =>
      readEntityCostLabels(entity).costCenter !== undefined,
  },
  {
    id: 'billing-granularity-declared',
    description:
      'Whether every API the entity consumes (consumesApi) declares tollgate.dev/billing-granularity (boolean); not applicable without consumed APIs in the catalog.',
    compute: context => {
      const apis = context.related('consumesApi');
      if (apis.length === 0) return undefined;
      return apis.every(api => readApiBilling(api).granularity !== undefined);
    },
  },
  {
    id: 'budget-defined',
    description:
      'Whether a budget covers the entity: its own, or its team’s or cost center’s (boolean).',
    compute: context =>
      allBudgets(context).length > 0 ||
      readEntityCostLabels(context.entity).budget !== undefined,
  },
  {
    id: 'forecast-within-budget',
    description:
      'Whether the forecast of every budget covering the entity stays within its amount by the end of the period (boolean); not applicable without a budget.',
    compute: context => {
      const budgets = allBudgets(context);
      if (budgets.length === 0) return undefined;
      return budgets.every(b => b.forecastUtilization <= 100);
    },
  },
  {
    id: 'cost-growth-30d',
    description:
      'Relative change of spend in the last 30 days against the 30 days before (0.25 = 25 % more); not applicable without earlier spend.',
    compute: async ({ asOf, dailySpend }) => {
      const [current, previous] = await Promise.all([
        dailySpend(lastDays(asOf, MONTH)),
        dailySpend(previousDays(asOf, MONTH)),
      ]);
      return relativeChange(units(totalOf(current)), units(totalOf(previous)));
    },
  },
  {
    id: 'cost-per-1k-requests',
    description:
      'Spend of the last 30 days per 1,000 served requests (http.requests), in the reporting currency; not applicable without requests.',
    compute: async context => {
      const perRequest = await unitCost(
        context,
        'http.requests',
        lastDays(context.asOf, MONTH),
      );
      return perRequest === undefined ? undefined : perRequest * 1000;
    },
  },
  {
    id: 'cache-efficiency',
    description:
      'Share of input tokens served from the prompt cache in the last 30 days: cache-read / (input + cache-read) tokens; not applicable without input tokens.',
    compute: async ({ asOf, costBy }) => {
      const groups = await costBy('tokenType', lastDays(asOf, MONTH));
      const tokens = (key: string) =>
        Number(groups.find(g => g.key === key)?.quantity ?? 0n);
      const cached = tokens('cache-read');
      return ratio(cached, tokens('input') + cached);
    },
  },
  {
    id: 'unallocated-share',
    description:
      'Share of the spend of the entity’s team in the last 30 days that no entity carries; not applicable without a team or team spend.',
    compute: async ({ asOf, scopeAllocation }) => {
      const team = await scopeAllocation('team', lastDays(asOf, MONTH));
      return team
        ? ratio(units(team.unallocatedMicros), units(team.totalMicros))
        : undefined;
    },
  },
  {
    id: 'cost-center-unallocated-share',
    description:
      'Share of the spend of the entity’s cost center in the last 30 days that no entity carries; not applicable without a cost center or its spend.',
    compute: async ({ asOf, scopeAllocation }) => {
      const center = await scopeAllocation('costCenter', lastDays(asOf, MONTH));
      return center
        ? ratio(units(center.unallocatedMicros), units(center.totalMicros))
        : undefined;
    },
  },
];
