import { BudgetStatus, enumerateDays } from '@tollgate/plugin-finops-common';
import {
  computeMetric,
  fakeMetricContext,
  usage,
} from './__testUtils__/fakeMetricContext';
import { builtInScorecardMetrics } from '.';
import { riskMetrics, spendAnomaliesMetric } from './riskMetrics';

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

describe('spend-anomalies-30d', () => {
  const USD = 1_000_000n;
  // asOf 2026-12-31: the judged days are 2026-12-02 to 2026-12-31, the first of them
  // judged against 2026-11-04 to 2026-12-01.
  const flat = (from: string, to: string, micros: bigint) =>
    Object.fromEntries(enumerateDays({ from, to }).map(d => [d, micros]));
  const anomalies = (spend: Record<string, bigint>, minIncreaseMicros = USD) =>
    spendAnomaliesMetric(minIncreaseMicros).compute(
      fakeMetricContext({ spend }),
    );

  it('counts the days of the last 30 far above the days before', async () => {
    const spend = {
      ...flat('2026-11-04', '2026-12-31', 10n * USD),
      '2026-12-05': 30n * USD,
      '2026-12-20': 45n * USD,
      // Before the 30 days: part of baselines, never counted.
      '2026-11-20': 80n * USD,
    };
    expect(await anomalies(spend)).toBe(2);
  });

  it('is robust to noise and never counts a drop', async () => {
    const noisy = Object.fromEntries(
      enumerateDays({ from: '2026-11-04', to: '2026-12-31' }).map((d, i) => [
        d,
        BigInt([9, 10, 11, 12, 10, 8, 11][i % 7]) * USD,
      ]),
    );
    expect(await anomalies(noisy)).toBe(0);
    expect(
      await anomalies({ ...noisy, '2026-12-10': 0n, '2026-12-11': 13n * USD }),
    ).toBe(0);
    expect(await anomalies({ ...noisy, '2026-12-11': 40n * USD })).toBe(1);
  });

  it('ignores rises smaller than the configured minimum', async () => {
    const spend = {
      ...flat('2026-11-04', '2026-12-31', 10n * USD),
      '2026-12-24': 10_500_000n,
    };
    expect(await anomalies(spend, USD)).toBe(0);
    expect(await anomalies(spend, 100_000n)).toBe(1);
  });

  it('counts from the first week of history, and is not applicable before', async () => {
    expect(await anomalies({})).toBeUndefined();
    // Spend since 2026-12-26: no day of the 30 has a week of history.
    expect(
      await anomalies(flat('2026-12-26', '2026-12-31', 10n * USD)),
    ).toBeUndefined();
    // Since 2026-12-20: 2026-12-27 on are judged, and the jump on 2026-12-30 counts.
    expect(
      await anomalies({
        ...flat('2026-12-20', '2026-12-31', 10n * USD),
        '2026-12-30': 50n * USD,
      }),
    ).toBe(1);
    // Spend that stopped before the 30 days: judged, and drops never count.
    expect(await anomalies(flat('2026-11-04', '2026-11-30', 10n * USD))).toBe(
      0,
    );
  });

  it('is built in', () => {
    expect(
      builtInScorecardMetrics({ anomalyMinIncreaseMicros: USD }).map(m => m.id),
    ).toContain('spend-anomalies-30d');
  });
});
