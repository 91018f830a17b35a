import {
  computeMetric,
  fakeMetricContext,
  usage,
} from './__testUtils__/fakeMetricContext';
import { velocityMetrics } from './velocityMetrics';

const run = (id: string, data: Parameters<typeof fakeMetricContext>[0]) =>
  computeMetric(velocityMetrics, id, fakeMetricContext(data));

describe('velocity metrics', () => {
  const data = {
    spend: { '2026-11-15': 40_000_000n, '2026-12-10': 50_000_000n },
    usage: [
      usage('2026-11-15', 'http.requests', 10_000, { status: '200' }),
      usage('2026-12-10', 'http.requests', 25_000, { status: '200' }),
      usage('2026-11-15', 'outcomes', 100),
      usage('2026-12-10', 'outcomes', 50),
      usage('2026-11-15', 'http.latency.p95', 0.5),
      usage('2026-11-16', 'http.latency.p95', 0.7),
      usage('2026-12-10', 'http.latency.p95', 0.9),
    ],
  };

  it('computes request growth and cost per request and outcome trends', async () => {
    expect(await run('request-growth', data)).toBeCloseTo(1.5);
    // 4.00 -> 2.00 USD per 1,000 requests
    expect(await run('cost-per-request-trend', data)).toBeCloseTo(-0.5);
    expect(await run('cost-per-outcome', data)).toBeCloseTo(1); // 50 USD / 50
    // 0.40 -> 1.00 USD per outcome
    expect(await run('cost-per-outcome-trend', data)).toBeCloseTo(1.5);
    expect(await run('p95-latency-trend', data)).toBeCloseTo(0.5); // 0.6 -> 0.9
  });

  it('is not applicable without earlier data, and reads the lifecycle', async () => {
    expect(await run('request-growth', {})).toBeUndefined();
    expect(
      await run('cost-per-request-trend', { spend: data.spend }),
    ).toBeUndefined();
    expect(await run('cost-per-outcome', {})).toBeUndefined();
    expect(await run('p95-latency-trend', {})).toBeUndefined();
    expect(
      await run('lifecycle-production', {
        entity: { spec: { lifecycle: 'production' } },
      }),
    ).toBe(true);
    expect(
      await run('lifecycle-production', {
        entity: { spec: { lifecycle: 'experimental' } },
      }),
    ).toBe(false);
    expect(await run('lifecycle-production', {})).toBeUndefined();
  });
});
