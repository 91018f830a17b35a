import { UsageMetric } from '@tollgate/plugin-finops-node';
import { increaseByQuery, quantileQuery } from '../promql/queries';
import { FetchSession } from '../source/FetchSession';
import { EntityDay, roundCount } from './EntityDay';
import { isServerError } from './statusClasses';

const QUANTILES: Array<[number, string]> = [
  [0.5, 'http.latency.p50'],
  [0.95, 'http.latency.p95'],
  [0.99, 'http.latency.p99'],
];

/**
 * Requests by status (`http.requests`), the share of server errors
 * (`http.error_rate`) and latency quantiles in seconds (`http.latency.p50|p95|p99`)
 * of one component on one day.
 */
export async function collectServerMetrics(
  session: FetchSession,
  { target, day }: EntityDay,
): Promise<UsageMetric[]> {
  const names = session.config.metrics;
  const base = { day: day.day, entityRef: target.entityRef };
  const [byStatus, ...quantiles] = await Promise.all([
    session.query(
      increaseByQuery(
        [names.serverStatusLabel],
        names.serverRequests,
        target.selector,
        day.range,
      ),
      day.time,
    ),
    ...QUANTILES.map(([q]) =>
      session.query(
        quantileQuery(q, names.serverDuration, target.selector, day.range),
        day.time,
      ),
    ),
  ]);

  const metrics: UsageMetric[] = [];
  let total = 0;
  let errors = 0;
  for (const sample of byStatus) {
    if (!Number.isFinite(sample.value)) {
      continue;
    }
    const status = sample.labels[names.serverStatusLabel] || 'unknown';
    const count = roundCount(sample.value);
    total += count;
    if (isServerError(status)) {
      errors += count;
    }
    metrics.push({
      ...base,
      metric: 'http.requests',
      labels: { status },
      value: count,
    });
  }
  if (total > 0) {
    metrics.push({ ...base, metric: 'http.error_rate', value: errors / total });
  }
  quantiles.forEach((samples, index) => {
    const value = samples[0]?.value;
    if (value !== undefined && Number.isFinite(value)) {
      metrics.push({ ...base, metric: QUANTILES[index][1], value });
    }
  });
  return metrics;
}
