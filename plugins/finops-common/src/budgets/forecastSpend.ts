import { addDays, enumerateDays } from '../dates';
import { DayWindow } from '../types';

/** Days of history the run rate is taken from: four of each weekday. @public */
export const FORECAST_HISTORY_DAYS = 28;
/** Fewer days than this (two of each weekday) and weekdays are not weighed. */
const MIN_DAYS_FOR_WEEKDAY_FACTORS = 14;

/** Spend to the end of a period, projected from the days before. @public */
export interface SpendForecast {
  /** Spent in the period up to and including `asOf`, in micro-units. */
  spentMicros: bigint;
  /** Spent plus the projection for the days after `asOf` to the period's end. */
  forecastMicros: bigint;
  /** The projection for each day after `asOf`, in order. */
  projected: Array<{ day: string; costMicros: bigint }>;
  /** Mean daily spend of the history the projection used. */
  dailyRateMicros: bigint;
  /** Factor per weekday, Sunday first; all 1 when the history is too short. */
  weekdayFactors: number[];
}

/**
 * Forecasts a period's spend with a trailing run rate weighed by day of week.
 *
 * The rate is the mean daily spend over the {@link FORECAST_HISTORY_DAYS} days before
 * `asOf` (fewer when spend began later; a day without records counts as zero). When that
 * history holds at least two of each weekday, each weekday gets a factor: its own mean
 * over the overall mean, so a service that is quiet at weekends is projected quiet at
 * weekends. Each remaining day of the period is projected as rate times its weekday's
 * factor. `asOf` itself counts as spent, not projected, since it is still in progress.
 *
 * @param daily - spend per day in micro-units; days before the period are the history
 * @public
 */
export function forecastSpend(options: {
  daily: ReadonlyMap<string, bigint>;
  period: DayWindow;
  asOf: string;
}): SpendForecast {
  const { daily, period, asOf } = options;
  let spentMicros = 0n;
  for (const [day, cost] of daily) {
    if (day >= period.from && day <= asOf && day <= period.to) {
      spentMicros += cost;
    }
  }
  const history = historyDays(daily, asOf);
  const values = history.map(day => Number(daily.get(day) ?? 0n));
  const rate = values.length
    ? values.reduce((sum, v) => sum + v, 0) / values.length
    : 0;
  const weekdayFactors = factorsByWeekday(history, values, rate);

  const projected: SpendForecast['projected'] = [];
  let forecastMicros = spentMicros;
  const firstProjected = addDays(
    asOf >= period.from ? asOf : addDays(period.from, -1),
    1,
  );
  if (firstProjected <= period.to) {
    for (const day of enumerateDays({ from: firstProjected, to: period.to })) {
      const cost = BigInt(Math.round(rate * weekdayFactors[weekday(day)]));
      projected.push({ day, costMicros: cost });
      forecastMicros += cost;
    }
  }
  return {
    spentMicros,
    forecastMicros,
    projected,
    dailyRateMicros: BigInt(Math.round(rate)),
    weekdayFactors,
  };
}

/** The completed days before `asOf` to take the rate from, from the first day with spend. */
function historyDays(daily: ReadonlyMap<string, bigint>, asOf: string) {
  const from = addDays(asOf, -FORECAST_HISTORY_DAYS);
  const to = addDays(asOf, -1);
  let first: string | undefined;
  for (const day of daily.keys()) {
    if (day >= from && day <= to && (!first || day < first)) {
      first = day;
    }
  }
  return first ? enumerateDays({ from: first, to }) : [];
}

function factorsByWeekday(days: string[], values: number[], rate: number) {
  const factors = [1, 1, 1, 1, 1, 1, 1];
  if (days.length < MIN_DAYS_FOR_WEEKDAY_FACTORS || rate <= 0) {
    return factors;
  }
  const sums = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  days.forEach((day, i) => {
    sums[weekday(day)] += values[i];
    counts[weekday(day)] += 1;
  });
  return factors.map((_, d) => sums[d] / counts[d] / rate);
}

/** Weekdays of the days seen, Sunday 0: snapshots forecast every budget over the same days. */
const weekdays = new Map<string, number>();
const MAX_WEEKDAYS_KEPT = 4096;

function weekday(day: string): number {
  let value = weekdays.get(day);
  if (value === undefined) {
    value = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekdays.size >= MAX_WEEKDAYS_KEPT) weekdays.clear();
    weekdays.set(day, value);
  }
  return value;
}
