import { BudgetStatus } from '@tollgate/plugin-finops-common';
import { computeMetric, fakeMetricContext, usage } from './fakeMetricContext';
import { riskMetrics } from './riskMetrics';

const run = (id: string, data: Parameters<typeof fakeMetricContext>[0]) =>
  computeMetric(riskMetrics, id, fakeMetricContext(data));

describe('risk metrics', () => {
  it('reads the owner and hard budgets', async () => {
    expect(
      await run('owner-declared', { entity: { spec: { owner: 'ml' } } }),
    ).toBe(true);
    expect(await run('owner-declared', {})).toBe(false);
    const status = (enforcement: string, utilization: number) =>
      ({ utilization, budget: { enforcement } } as BudgetStatus);
    expect(
      await run('hard-budget-reached', {
        budgets: { inherited: [status('advisory', 150)] },
      }),
    ).toBeUndefined();
    expect(
      await run('hard-budget-reached', {
        budgets: { own: status('hard', 99.9), inherited: [] },
      }),
    ).toBe(false);
    expect(
      await run('hard-budget-reached', {
        budgets: { own: status('hard', 100), inherited: [] },
      }),
    ).toBe(true);
  });

  it('computes error rate, latency against the SLO and throttling over 7 days', async () => {
    const data = {
      entity: {
        metadata: {
          name: 'a',
          annotations: { 'tollgate.dev/latency-slo': '800ms' },
        },
      },
      usage: [
        usage('2026-12-30', 'http.requests', 950, { status: '200' }),
        usage('2026-12-31', 'http.requests', 50, { status: '503' }),
        usage('2026-12-01', 'http.requests', 1000, { status: '500' }),
        usage('2026-12-30', 'http.latency.p95', 0.8),
        usage('2026-12-31', 'http.latency.p95', 1.2),
        usage('2026-12-30', 'upstream.requests', 90, {
          host: 'a',
          status: '200',
        }),
        usage('2026-12-30', 'upstream.requests', 6, {
          host: 'a',
          status: '429',
        }),
        usage('2026-12-31', 'upstream.requests', 4, {
          host: 'b',
          status: '503',
        }),
      ],
    };
    expect(await run('error-rate', data)).toBeCloseTo(0.05);
    expect(await run('p95-latency-vs-slo', data)).toBeCloseTo(1.25); // 1.0 s / 0.8 s
    expect(await run('upstream-throttling', data)).toBeCloseTo(0.1);
    expect(await run('error-rate', {})).toBeUndefined();
    expect(
      await run('p95-latency-vs-slo', { usage: data.usage }),
    ).toBeUndefined();
    expect(await run('upstream-throttling', {})).toBeUndefined();
  });

  it('computes AI provider concentration from token spend', async () => {
    expect(
      await run('ai-provider-concentration', {
        groups: {
          'provider/tokenType': [
            { key: 'openai', costMicros: 60_000_000n },
            { key: 'anthropic', costMicros: 40_000_000n },
          ],
        },
      }),
    ).toBeCloseTo(0.6);
    expect(await run('ai-provider-concentration', {})).toBeUndefined();
  });
});
