import { BudgetStatus } from '@tollgate/plugin-finops-common';
import { costMetrics } from './costMetrics';
import {
  computeMetric,
  fakeMetricContext,
  usage,
} from './__testUtils__/fakeMetricContext';

const run = (id: string, data: Parameters<typeof fakeMetricContext>[0]) =>
  computeMetric(costMetrics, id, fakeMetricContext(data));

function budget(forecastUtilization: number): BudgetStatus {
  return {
    forecastUtilization,
    utilization: 50,
    budget: { enforcement: 'advisory' },
  } as BudgetStatus;
}

const api = (granularity?: string) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'billing',
      annotations: granularity
        ? { 'tollgate.dev/billing-granularity': granularity }
        : {},
    },
    spec: { type: 'grpc', definition: '' },
  } as any);

describe('cost metrics', () => {
  it('reads labels, consumed APIs and budgets', async () => {
    const labelled = {
      entity: {
        metadata: {
          name: 'a',
          annotations: { 'tollgate.dev/cost-center': 'cc-1' },
        },
      },
    };
    expect(await run('cost-center-labelled', labelled)).toBe(true);
    expect(await run('cost-center-labelled', {})).toBe(false);

    expect(await run('billing-granularity-declared', {})).toBeUndefined();
    expect(
      await run('billing-granularity-declared', {
        related: { consumesApi: [api('paid-tier'), api()] },
      }),
    ).toBe(false);
    expect(
      await run('billing-granularity-declared', {
        related: { consumesApi: [api('paid-tier')] },
      }),
    ).toBe(true);

    expect(await run('budget-defined', {})).toBe(false);
    expect(
      await run('budget-defined', { budgets: { inherited: [budget(50)] } }),
    ).toBe(true);
    expect(await run('forecast-within-budget', {})).toBeUndefined();
    expect(
      await run('forecast-within-budget', {
        budgets: { own: budget(90), inherited: [budget(120)] },
      }),
    ).toBe(false);
    expect(
      await run('forecast-within-budget', {
        budgets: { own: budget(100), inherited: [] },
      }),
    ).toBe(true);
  });

  it('computes growth, unit cost, cache efficiency and unallocated share', async () => {
    // asOf 2026-12-31: last 30 days from 12-02, the 30 before from 11-02.
    const spend = { '2026-11-15': 40_000_000n, '2026-12-10': 50_000_000n };
    expect(await run('cost-growth-30d', { spend })).toBeCloseTo(0.25);
    expect(
      await run('cost-growth-30d', { spend: { '2026-12-10': 1n } }),
    ).toBeUndefined();

    expect(
      await run('cost-per-1k-requests', {
        spend,
        usage: [
          usage('2026-12-10', 'http.requests', 20_000, { status: '200' }),
          usage('2026-12-11', 'http.requests', 5_000, { status: '500' }),
          usage('2026-11-10', 'http.requests', 99_999, { status: '200' }),
        ],
      }),
    ).toBeCloseTo(2); // 50 USD / 25,000 requests * 1000
    expect(await run('cost-per-1k-requests', { spend })).toBeUndefined();

    expect(
      await run('cache-efficiency', {
        groups: {
          tokenType: [
            { key: 'input', costMicros: 1n, quantity: 3_000_000n },
            { key: 'cache-read', costMicros: 1n, quantity: 1_000_000n },
            { key: 'output', costMicros: 1n, quantity: 9_000_000n },
          ],
        },
      }),
    ).toBeCloseTo(0.25);
    expect(await run('cache-efficiency', {})).toBeUndefined();

    expect(
      await run('unallocated-share', {
        allocation: {
          team: { totalMicros: 80_000_000n, unallocatedMicros: 20_000_000n },
        },
      }),
    ).toBeCloseTo(0.25);
    expect(await run('unallocated-share', {})).toBeUndefined();
    expect(
      await run('cost-center-unallocated-share', {
        allocation: {
          costCenter: { totalMicros: 10_000_000n, unallocatedMicros: 0n },
        },
      }),
    ).toBe(0);
  });
});
