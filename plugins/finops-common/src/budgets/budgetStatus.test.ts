import { enumerateDays } from '../dates';
import { budgetStatus } from './budgetStatus';
import { Budget } from './types';

const budget: Budget = {
  id: 'b1',
  scope: { entityRef: 'component:default/summarizer' },
  amount: '100.00',
  currency: 'USD',
  period: 'month',
  thresholds: [50, 80, 100],
  enforcement: 'hard',
  origin: 'api',
};

function steady(from: string, to: string, micros: bigint) {
  return new Map(enumerateDays({ from, to }).map(day => [day, micros]));
}

describe('budgetStatus', () => {
  it('reports spend, forecast, crossings and days left', () => {
    // 3 USD a day since October; on 2026-11-20 the month has spent 60.
    const status = budgetStatus({
      budget,
      daily: steady('2026-10-01', '2026-11-20', 3_000_000n),
      asOf: '2026-11-20',
    });
    expect(status.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(status.resetsAt).toBe('2026-12-01T00:00:00.000Z');
    expect(status.spent).toBe('60.00');
    expect(status.forecast).toBe('90.00');
    expect(status.remaining).toBe('40.00');
    expect(status.utilization).toBe(60);
    expect(status.forecastUtilization).toBe(90);
    expect(status.thresholdsCrossed).toEqual([50]);
    expect(status.forecastThresholdsCrossed).toEqual([50, 80]);
    expect(status.daysUntilExhaustion).toBeNull();
  });

  it('counts the days until the forecast exhausts the budget', () => {
    const status = budgetStatus({
      budget,
      daily: steady('2026-10-01', '2026-11-10', 5_000_000n),
      asOf: '2026-11-10',
    });
    // 50 spent, 5 a day: 100 reached on the 10th day after.
    expect(status.daysUntilExhaustion).toBe(10);
    expect(status.forecastThresholdsCrossed).toEqual([50, 80, 100]);
  });

  it('compares thresholds exactly at the boundary', () => {
    const status = budgetStatus({
      budget,
      daily: new Map([['2026-11-02', 80_000_000n]]),
      asOf: '2026-11-02',
    });
    expect(status.thresholdsCrossed).toEqual([50, 80]);
    const below = budgetStatus({
      budget,
      daily: new Map([['2026-11-02', 79_999_999n]]),
      asOf: '2026-11-02',
    });
    expect(below.thresholdsCrossed).toEqual([50]);
  });

  it('reports zero remaining, and zero days left, once overspent', () => {
    const status = budgetStatus({
      budget,
      daily: new Map([['2026-11-03', 120_000_000n]]),
      asOf: '2026-11-05',
    });
    expect(status.remaining).toBe('0.00');
    expect(status.utilization).toBe(120);
    expect(status.daysUntilExhaustion).toBe(0);
  });
});
