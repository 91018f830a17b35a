import { DayWindow, addDays } from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';

/** Windows by asOf and length: every entity of an evaluation asks for the same few. */
const windows = new Map<string, Readonly<DayWindow>>();

function window(key: string, make: () => DayWindow): DayWindow {
  let made = windows.get(key);
  if (!made) {
    if (windows.size >= 1000) windows.clear();
    made = Object.freeze(make());
    windows.set(key, made);
  }
  return made;
}

/** The `days` UTC days up to and including `asOf`. */
export function lastDays(asOf: string, days: number): DayWindow {
  return window(`${asOf}/${days}`, () => ({
    from: addDays(asOf, 1 - days),
    to: asOf,
  }));
}

/** The `days` UTC days just before the last `days` up to `asOf`. */
export function previousDays(asOf: string, days: number): DayWindow {
  return window(`${asOf}/-${days}`, () => ({
    from: addDays(asOf, 1 - 2 * days),
    to: addDays(asOf, -days),
  }));
}

/** The sum of metric values, optionally only those whose labels match. */
export function sumUsage(
  metrics: UsageMetric[],
  where: (labels: Record<string, string>) => boolean = () => true,
): number {
  let total = 0;
  for (const metric of metrics) {
    if (where(metric.labels ?? {})) total += metric.value;
  }
  return total;
}

/** The mean of metric values; undefined without any. */
export function meanUsage(metrics: UsageMetric[]): number | undefined {
  return metrics.length === 0 ? undefined : sumUsage(metrics) / metrics.length;
}

/** Relative change from `previous` to `current`: 0.25 for a quarter more; undefined from 0. */
export function relativeChange(
  current: number | undefined,
  previous: number | undefined,
): number | undefined {
  if (current === undefined || previous === undefined || previous <= 0) {
    return undefined;
  }
  return current / previous - 1;
}

/** A ratio; undefined when the denominator is 0. */
export function ratio(numerator: number, denominator: number) {
  return denominator > 0 ? numerator / denominator : undefined;
}

/** Micro-units as a number of currency units, for ratios. */
export function units(micros: bigint): number {
  return Number(micros) / 1_000_000;
}

/** Total of a day → micro-units map. */
export function totalOf(daily: Map<string, bigint>): bigint {
  let total = 0n;
  for (const micros of daily.values()) total += micros;
  return total;
}
