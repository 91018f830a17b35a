import {
  ANOMALY_BASELINE_DAYS,
  ANOMALY_MIN_BASELINE_DAYS,
  ANOMALY_Z_THRESHOLD,
  addDays,
  detectSpendAnomaly,
  enumerateDays,
  spendBaseline,
} from '@tollgate/plugin-finops-common';
import { ScorecardMetric } from '@tollgate/plugin-finops-node';
import { lastDays, meanUsage, ratio, sumUsage, units } from './metricWindows';
import { readLatencySlo } from './readLatencySlo';

const WEEK = 7;
const MONTH = 30;

const isServerError = (status = '') =>
  /^5\d\d$/.test(status) || /^error$/i.test(status);
const isThrottled = (status = '') => status === '429' || status === '503';

/** Metrics of the risk pillar. */
export const riskMetrics: ScorecardMetric[] = [
  {
    id: 'owner-declared',
    description: 'Whether the entity declares spec.owner (boolean).',
    compute: ({ entity }) => {
      const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
      return typeof owner === 'string' && owner.trim() !== '';
    },
  },
  {
    id: 'error-rate',
    description:
      'Share of requests of the last 7 days answered with a server error (5xx); not applicable without requests.',
    compute: async ({ asOf, usage }) => {
      const requests = await usage('http.requests', lastDays(asOf, WEEK));
      return ratio(
        sumUsage(requests, l => isServerError(l.status)),
        sumUsage(requests),
      );
    },
  },
  {
    id: 'p95-latency-vs-slo',
    description:
      'Mean daily p95 latency of the last 7 days divided by the objective in the tollgate.dev/latency-slo annotation (1.2 = 20 % over); not applicable without both.',
    compute: async ({ asOf, entity, usage }) => {
      const slo = readLatencySlo(entity);
      if (slo === undefined) return undefined;
      const p95 = meanUsage(
        await usage('http.latency.p95', lastDays(asOf, WEEK)),
      );
      return p95 === undefined ? undefined : p95 / slo;
    },
  },
  {
    id: 'upstream-throttling',
    description:
      'Share of outbound calls of the last 7 days answered 429 or 503 (upstream.requests); not applicable without outbound calls.',
    compute: async ({ asOf, usage }) => {
      const calls = await usage('upstream.requests', lastDays(asOf, WEEK));
      return ratio(
        sumUsage(calls, l => isThrottled(l.status)),
        sumUsage(calls),
      );
    },
  },
  {
    id: 'ai-provider-concentration',
    description:
      'Share of the AI (token) spend of the last 30 days on the largest provider (1 = one provider); not applicable without AI spend.',
    compute: async ({ asOf, costBy }) => {
      const groups = await costBy('provider', lastDays(asOf, MONTH), {
        dimensionKind: 'tokenType',
      });
      const spends = groups.map(g => units(g.costMicros));
      return ratio(
        Math.max(0, ...spends),
        spends.reduce((a, b) => a + b, 0),
      );
    },
  },
  {
    id: 'hard-budget-reached',
    description:
      'Whether a hard budget covering the entity is spent (boolean); not applicable without a hard budget.',
    compute: context => {
      const { own, inherited } = context.budgets();
      const hard = [...(own ? [own] : []), ...inherited].filter(
        s => s.budget.enforcement === 'hard',
      );
      if (hard.length === 0) return undefined;
      return hard.some(s => s.utilization >= 100);
    },
  },
];

/**
 * `spend-anomalies-30d`: the days of the last 30 on which the entity's spend was
 * anomalous, judged as anomaly alerts judge a day, against the days before it.
 *
 * @param minIncreaseMicros - `tollgate.budgets.anomalyMinIncrease`: smaller rises are never anomalies
 */
export function spendAnomaliesMetric(
  minIncreaseMicros: bigint,
): ScorecardMetric {
  return {
    id: 'spend-anomalies-30d',
    description: `Days of the last 30 on which the entity's spend was anomalous, as anomaly alerts judge a day: a robust z-score over ${ANOMALY_Z_THRESHOLD} against the median of the ${ANOMALY_BASELINE_DAYS} days before, and a rise of at least tollgate.budgets.anomalyMinIncrease; not applicable when no day of the 30 has ${ANOMALY_MIN_BASELINE_DAYS} days of spend history.`,
    compute: async ({ asOf, dailySpend }) => {
      const judged = lastDays(asOf, MONTH);
      const spend = await dailySpend({
        from: addDays(judged.from, -ANOMALY_BASELINE_DAYS),
        to: judged.to,
      });
      const daily = new Map(
        [...spend].map(([day, micros]) => [day, Number(micros)]),
      );
      let judgedDays = 0;
      let anomalies = 0;
      for (const day of enumerateDays(judged)) {
        const baseline = spendBaseline(daily, day);
        if (baseline.length < ANOMALY_MIN_BASELINE_DAYS) continue;
        judgedDays += 1;
        const verdict = detectSpendAnomaly({
          baseline,
          value: daily.get(day) ?? 0,
          minIncreaseMicros: Number(minIncreaseMicros),
        });
        if (verdict.anomalous) anomalies += 1;
      }
      return judgedDays === 0 ? undefined : anomalies;
    },
  };
}
