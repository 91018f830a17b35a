import { detectSpendAnomaly, spendBaseline } from './detectSpendAnomaly';

const USD = 1_000_000;

describe('detectSpendAnomaly', () => {
  const noisy = [10, 12, 9, 11, 10, 13, 8, 10, 11, 12, 9, 10, 11, 10].map(
    v => v * USD,
  );

  it('flags a day far above a noisy baseline', () => {
    // median 10, MAD 1: 30 scores 0.6745 * 20 = 13.5
    const result = detectSpendAnomaly({
      baseline: noisy,
      value: 30 * USD,
      minIncreaseMicros: USD,
    });
    expect(result.anomalous).toBe(true);
    expect(result.baselineMicros).toBe(10 * USD);
    expect(result.score).toBeCloseTo(13.49, 2);
  });

  it('takes the median of baselines of any length', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) % 1000;
    for (let length = 1; length <= 100; length++) {
      const baseline = Array.from({ length }, random);
      const sorted = [...baseline].sort((a, b) => a - b);
      const mid = Math.floor(length / 2);
      const expected =
        length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      const { baselineMicros } = detectSpendAnomaly({
        baseline,
        value: 0,
        minIncreaseMicros: USD,
      });
      expect(baselineMicros).toBe(expected);
    }
  });

  it('leaves a day within the usual noise alone', () => {
    // 14 scores 0.6745 * 4 = 2.7
    const result = detectSpendAnomaly({
      baseline: noisy,
      value: 14 * USD,
      minIncreaseMicros: USD,
    });
    expect(result.anomalous).toBe(false);
  });

  it('is not thrown off by an earlier spike in the baseline', () => {
    const withSpike = [...noisy, 500 * USD];
    const result = detectSpendAnomaly({
      baseline: withSpike,
      value: 30 * USD,
      minIncreaseMicros: USD,
    });
    expect(result.anomalous).toBe(true);
  });

  it('flags a rise over a flat baseline, unless it is below the minimum', () => {
    const flat = Array(14).fill(5 * USD);
    expect(
      detectSpendAnomaly({
        baseline: flat,
        value: 8 * USD,
        minIncreaseMicros: USD,
      }).anomalous,
    ).toBe(true);
    expect(
      detectSpendAnomaly({
        baseline: flat,
        value: 5.5 * USD,
        minIncreaseMicros: USD,
      }).anomalous,
    ).toBe(false);
  });

  it('needs a week of baseline', () => {
    const result = detectSpendAnomaly({
      baseline: [1, 1, 1].map(v => v * USD),
      value: 100 * USD,
      minIncreaseMicros: USD,
    });
    expect(result.anomalous).toBe(false);
  });

  it('never flags a drop', () => {
    const result = detectSpendAnomaly({
      baseline: noisy,
      value: 0,
      minIncreaseMicros: USD,
    });
    expect(result.anomalous).toBe(false);
  });
});

describe('spendBaseline', () => {
  it('takes the 28 days before, missing days as 0, from the first day with spend', () => {
    const daily = new Map([
      ['2026-11-01', 5],
      ['2026-11-03', 7],
    ]);
    expect(spendBaseline(daily, '2026-11-05')).toEqual([5, 0, 7, 0]);
    expect(spendBaseline(daily, '2026-11-01')).toEqual([]);
    // 2026-11-01 is 29 days before 2026-11-30: out of the baseline.
    const late = spendBaseline(daily, '2026-11-30');
    expect(late).toHaveLength(27);
    expect(late[0]).toBe(7);
    // No spend in the 28 days before: no baseline.
    expect(spendBaseline(daily, '2026-12-31')).toEqual([]);
  });
});
