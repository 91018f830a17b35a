import { enumerateDays } from '../dates';
import { forecastSpend } from './forecastSpend';

function series(from: string, to: string, cost: (day: string) => bigint) {
  return new Map(enumerateDays({ from, to }).map(day => [day, cost(day)]));
}

const isWeekend = (day: string) =>
  [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

describe('forecastSpend', () => {
  const november = { from: '2026-11-01', to: '2026-11-30' };

  it('projects a steady spend at its rate to the end of the period', () => {
    const daily = series('2026-10-01', '2026-11-10', () => 10_000_000n);
    const forecast = forecastSpend({
      daily,
      period: november,
      asOf: '2026-11-10',
    });
    expect(forecast.spentMicros).toBe(100_000_000n); // 10 days of 10
    expect(forecast.projected).toHaveLength(20);
    expect(forecast.forecastMicros).toBe(300_000_000n); // 30 days of 10
    expect(forecast.weekdayFactors).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('projects nothing at weekends for a service that spends only on weekdays', () => {
    const daily = series('2026-10-01', '2026-11-10', day =>
      isWeekend(day) ? 0n : 7_000_000n,
    );
    const forecast = forecastSpend({
      daily,
      period: november,
      asOf: '2026-11-10',
    });
    // 2026-11-11 .. 11-30 holds 14 weekdays and 6 weekend days.
    const remainingWeekdays = enumerateDays({
      from: '2026-11-11',
      to: '2026-11-30',
    }).filter(day => !isWeekend(day)).length;
    expect(remainingWeekdays).toBe(14);
    // Over 28 days the mean is 5 a day; weekdays weigh 7/5, weekend days 0.
    expect(forecast.weekdayFactors[0]).toBe(0);
    expect(forecast.weekdayFactors[3]).toBeCloseTo(1.4, 10);
    expect(forecast.forecastMicros - forecast.spentMicros).toBe(
      BigInt(remainingWeekdays) * 7_000_000n,
    );
    for (const { day, costMicros } of forecast.projected) {
      expect(costMicros).toBe(isWeekend(day) ? 0n : 7_000_000n);
    }
  });

  it('takes the rate only from the days since spend began', () => {
    const daily = series('2026-11-06', '2026-11-10', () => 2_000_000n);
    const forecast = forecastSpend({
      daily,
      period: november,
      asOf: '2026-11-10',
    });
    expect(forecast.dailyRateMicros).toBe(2_000_000n);
    expect(forecast.forecastMicros).toBe(10_000_000n + 20n * 2_000_000n);
  });

  it('counts days without records inside the history as zero spend', () => {
    const daily = new Map([
      ['2026-11-01', 8_000_000n],
      ['2026-11-04', 8_000_000n],
    ]);
    const forecast = forecastSpend({
      daily,
      period: november,
      asOf: '2026-11-05',
    });
    // history 11-01..11-04: 16 over 4 days, 4 a day; 25 days remain.
    expect(forecast.dailyRateMicros).toBe(4_000_000n);
    expect(forecast.forecastMicros).toBe(16_000_000n + 25n * 4_000_000n);
  });

  it('forecasts the spent amount on the last day of the period and zero without history', () => {
    const last = forecastSpend({
      daily: series('2026-11-01', '2026-11-30', () => 1_000_000n),
      period: november,
      asOf: '2026-11-30',
    });
    expect(last.projected).toEqual([]);
    expect(last.forecastMicros).toBe(30_000_000n);
    const empty = forecastSpend({
      daily: new Map(),
      period: november,
      asOf: '2026-11-15',
    });
    expect(empty.forecastMicros).toBe(0n);
  });

  it('projects the whole period when asked before it starts', () => {
    const daily = series('2026-10-04', '2026-10-31', () => 1_000_000n);
    const forecast = forecastSpend({
      daily,
      period: november,
      asOf: '2026-10-31',
    });
    expect(forecast.spentMicros).toBe(0n);
    expect(forecast.projected).toHaveLength(30);
  });
});
