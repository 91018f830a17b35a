const HOUR = 3600;
const LEGACY_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

type Labels = Record<string, string>;

/** Per-day increments of one histogram series: the count below each bound, and the sum. */
export interface HistogramDay {
  /** Cumulative counts per upper bound; `+Inf` is the total count. */
  buckets: Record<string, number>;
  sum: number;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function sampleName(name: string, labels: Labels): string {
  const pairs = Object.entries(labels).map(
    ([key, value]) =>
      `${LEGACY_NAME.test(key) ? key : quote(key)}=${quote(value)}`,
  );
  if (LEGACY_NAME.test(name)) {
    return `${name}{${pairs.join(',')}}`;
  }
  return `{${[quote(name), ...pairs].join(',')}}`;
}

/**
 * Writes OpenMetrics text with explicit timestamps: series that grow at a constant
 * rate within each UTC day, sampled every hour from the first day's start to the last
 * day's end, so that each day's increase is known exactly.
 */
export class OpenMetricsWriter {
  private readonly families: string[] = [];

  /** @param firstDay - YYYY-MM-DD of the first day. */
  constructor(private readonly firstDay: string) {}

  private get start(): number {
    return Date.parse(`${this.firstDay}T00:00:00Z`) / 1000;
  }

  /** Hourly cumulative values of a series that grows by `perDay[i]` on day i. */
  private cumulative(perDay: number[]): Array<[number, number]> {
    const points: Array<[number, number]> = [[this.start, 0]];
    let value = 0;
    perDay.forEach((total, day) => {
      const perHour = total / 24;
      if (!Number.isInteger(perHour)) {
        throw new Error(
          `Daily increment ${total} is not a whole number per hour`,
        );
      }
      for (let hour = 1; hour <= 24; hour++) {
        value += perHour;
        points.push([this.start + (day * 24 + hour) * HOUR, value]);
      }
    });
    return points;
  }

  private family(
    name: string,
    type: string,
    series: Array<{ name: string; points: Array<[number, number]> }>,
  ) {
    const lines = [
      `# TYPE ${LEGACY_NAME.test(name) ? name : quote(name)} ${type}`,
    ];
    const count = series[0]?.points.length ?? 0;
    for (let i = 0; i < count; i++) {
      for (const s of series) {
        const [time, value] = s.points[i];
        lines.push(`${s.name} ${value} ${time}`);
      }
    }
    this.families.push(lines.join('\n'));
  }

  /**
   * A counter family; each series grows by its `perDay` amounts. The samples are
   * named `<family>_total`.
   */
  counter(
    family: string,
    series: Array<{ labels: Labels; perDay: number[] }>,
  ): this {
    this.family(
      family,
      'counter',
      series.map(s => ({
        name: sampleName(`${family}_total`, s.labels),
        points: this.cumulative(s.perDay),
      })),
    );
    return this;
  }

  /** A classic histogram family; each series grows by its per-day buckets and sum. */
  histogram(
    family: string,
    series: Array<{ labels: Labels; perDay: HistogramDay[] }>,
  ): this {
    const lines: Array<{ name: string; points: Array<[number, number]> }> = [];
    for (const s of series) {
      const bounds = Object.keys(s.perDay[0].buckets);
      for (const le of bounds) {
        lines.push({
          name: sampleName(`${family}_bucket`, { ...s.labels, le }),
          points: this.cumulative(s.perDay.map(d => d.buckets[le])),
        });
      }
      lines.push({
        name: sampleName(`${family}_count`, s.labels),
        points: this.cumulative(s.perDay.map(d => d.buckets['+Inf'])),
      });
      lines.push({
        name: sampleName(`${family}_sum`, s.labels),
        points: this.cumulative(s.perDay.map(d => d.sum)),
      });
    }
    this.family(family, 'histogram', lines);
    return this;
  }

  toString(): string {
    return `${this.families.join('\n')}\n# EOF\n`;
  }
}
