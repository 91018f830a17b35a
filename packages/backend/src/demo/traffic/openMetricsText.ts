/** Labels of one OpenMetrics series. */
export type Labels = Record<string, string>;

/** `key="value",...`, values escaped. */
export function labelText(labels: Labels): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}="${value.replace(/["\\]/g, '\\$&')}"`)
    .join(',');
}

/** One point of a histogram: its buckets, count and sum at `time` (seconds). */
export function histogramPoint(
  name: string,
  labels: Labels,
  time: number,
  buckets: Array<[string, number]>,
  count: number,
  sum: number,
): string[] {
  return [
    ...buckets.map(
      ([le, value]) =>
        `${name}_bucket{${labelText({ ...labels, le })}} ${value} ${time}`,
    ),
    `${name}_count{${labelText(labels)}} ${count} ${time}`,
    `${name}_sum{${labelText(labels)}} ${sum} ${time}`,
  ];
}

/** A sum of seconds to the millisecond, as the history writes it. */
export function roundSeconds(value: number): number {
  return Math.round(value * 1000) / 1000;
}
