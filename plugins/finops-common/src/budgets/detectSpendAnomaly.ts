import { addDays } from '../dates';

/** Days of baseline before the day that is judged. @public */
export const ANOMALY_BASELINE_DAYS = 28;
/** Fewer baseline days than this and no day is called anomalous. @public */
export const ANOMALY_MIN_BASELINE_DAYS = 7;
/** Modified z-score above which a day is anomalous (Iglewicz and Hoaglin). @public */
export const ANOMALY_Z_THRESHOLD = 3.5;

/** The verdict on one day's spend against its baseline. @public */
export interface SpendAnomaly {
  anomalous: boolean;
  /** Median of the baseline, in micro-units. */
  baselineMicros: number;
  /** Robust z-score of the day; Infinity when the baseline does not vary. */
  score: number;
}

/**
 * Judges whether a day's spend is far above its baseline, robustly: the baseline's
 * median and median absolute deviation (MAD) give a modified z-score
 * `0.6745 * (x - median) / MAD`, and the day is anomalous above
 * {@link ANOMALY_Z_THRESHOLD}. One earlier spike barely moves a median, unlike a mean.
 * When the baseline does not vary (MAD 0) its mean absolute deviation stands in, and
 * when that is 0 too, any rise past `minIncreaseMicros` counts. A rise smaller than
 * `minIncreaseMicros` is never anomalous, so cents do not page anyone.
 *
 * @param baseline - the days before, in micro-units, missing days as 0
 * @public
 */
export function detectSpendAnomaly(options: {
  baseline: number[];
  value: number;
  minIncreaseMicros: number;
}): SpendAnomaly {
  const { baseline, value, minIncreaseMicros } = options;
  if (baseline.length < ANOMALY_MIN_BASELINE_DAYS) {
    return { anomalous: false, baselineMicros: median(baseline), score: 0 };
  }
  const center = median(baseline);
  const increase = value - center;
  let spread = median(baseline.map(v => Math.abs(v - center)));
  if (spread === 0) {
    const meanDeviation =
      baseline.reduce((sum, v) => sum + Math.abs(v - center), 0) /
      baseline.length;
    // 1.2533 * mean absolute deviation estimates the same as 1.4826 * MAD for normal data.
    spread = (meanDeviation * 1.253314) / 1.4826;
  }
  let score = increase > 0 ? Infinity : 0;
  if (spread > 0) {
    score = (0.6745 * increase) / spread;
  }
  return {
    anomalous: increase >= minIncreaseMicros && score > ANOMALY_Z_THRESHOLD,
    baselineMicros: center,
    score,
  };
}

/**
 * The baseline of a day from a series of daily spend: the
 * {@link ANOMALY_BASELINE_DAYS} days before it, days without spend as 0, starting at
 * the series' first day with spend within them, since no history is no baseline.
 *
 * @param daily - spend per UTC day, in micro-units; days without spend may be absent
 * @public
 */
export function spendBaseline(
  daily: ReadonlyMap<string, number>,
  day: string,
): number[] {
  const baseline: number[] = [];
  for (let i = ANOMALY_BASELINE_DAYS; i >= 1; i--) {
    const before = addDays(day, -i);
    if (baseline.length || daily.has(before)) {
      baseline.push(daily.get(before) ?? 0);
    }
  }
  return baseline;
}

/** Scratch space of `median`: baselines are short and judged millions of times. */
const scratch = new Float64Array(64);

function median(values: number[]): number {
  const n = values.length;
  if (!n) {
    return 0;
  }
  // Insertion sort into reused space: for a few dozen values far faster than sort().
  const sorted = n <= scratch.length ? scratch : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= 0 && sorted[j] > value) {
      sorted[j + 1] = sorted[j];
      j--;
    }
    sorted[j + 1] = value;
  }
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
