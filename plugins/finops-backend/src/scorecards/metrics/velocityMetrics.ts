import { ScorecardMetric } from '@tollgate/plugin-finops-node';
import {
  lastDays,
  meanUsage,
  previousDays,
  relativeChange,
  sumUsage,
} from './metricWindows';
import { unitCost } from './unitCost';

const MONTH = 30;

function unitCostTrend(metric: string): ScorecardMetric['compute'] {
  return async context => {
    const [current, previous] = await Promise.all([
      unitCost(context, metric, lastDays(context.asOf, MONTH)),
      unitCost(context, metric, previousDays(context.asOf, MONTH)),
    ]);
    return relativeChange(current, previous);
  };
}

/** Metrics of the velocity pillar. */
export const velocityMetrics: ScorecardMetric[] = [
  {
    id: 'request-growth',
    description:
      'Relative change of served requests in the last 30 days against the 30 days before; not applicable without earlier requests.',
    compute: async ({ asOf, usage }) => {
      const [current, previous] = await Promise.all([
        usage('http.requests', lastDays(asOf, MONTH)),
        usage('http.requests', previousDays(asOf, MONTH)),
      ]);
      return relativeChange(sumUsage(current), sumUsage(previous));
    },
  },
  {
    id: 'lifecycle-production',
    description:
      'Whether spec.lifecycle is production (boolean); not applicable without a lifecycle.',
    compute: ({ entity }) => {
      const lifecycle = (entity.spec as { lifecycle?: unknown } | undefined)
        ?.lifecycle;
      return typeof lifecycle === 'string'
        ? lifecycle.toLocaleLowerCase('en-US') === 'production'
        : undefined;
    },
  },
  {
    id: 'cost-per-request-trend',
    description:
      'Relative change of spend per request in the last 30 days against the 30 days before (negative = improving); not applicable without requests in both.',
    compute: unitCostTrend('http.requests'),
  },
  {
    id: 'cost-per-outcome',
    description:
      'Spend of the last 30 days per business outcome counted by the tollgate.dev/outcome-query annotation (metric outcomes); not applicable without outcomes.',
    compute: async context =>
      unitCost(context, 'outcomes', lastDays(context.asOf, MONTH)),
  },
  {
    id: 'cost-per-outcome-trend',
    description:
      'Relative change of spend per outcome in the last 30 days against the 30 days before (negative = improving); not applicable without outcomes in both.',
    compute: unitCostTrend('outcomes'),
  },
  {
    id: 'p95-latency-trend',
    description:
      'Relative change of the mean daily p95 latency in the last 30 days against the 30 days before (negative = faster); not applicable without both.',
    compute: async ({ asOf, usage }) => {
      const [current, previous] = await Promise.all([
        usage('http.latency.p95', lastDays(asOf, MONTH)),
        usage('http.latency.p95', previousDays(asOf, MONTH)),
      ]);
      return relativeChange(meanUsage(current), meanUsage(previous));
    },
  },
];
