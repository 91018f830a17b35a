import { CostBreakdownItem, DailyCost } from '@tollgate/plugin-finops-common';
import { Bar } from 'recharts';
import { DailyChart } from '../DailyChart';
import { breakdownLabel, formatMoney } from '../format';

/** Colours of the dimension's values; greys are kept for the spend outside them. */
const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#bcbd22',
  '#17becf',
];

/** Greys of the spend outside the dimension's values, drawn above them. */
const OUTSIDE_PALETTE = ['#757575', '#a6a6a6', '#5c5c5c', '#c4c4c4'];

/**
 * Keys ordered by their total over the series, largest first, the keys of spend
 * outside the dimension (`outside`) after the dimension's values.
 */
export function seriesKeys(
  daily: DailyCost[],
  outside: ReadonlySet<string> = new Set(),
): string[] {
  const totals = new Map<string, number>();
  for (const day of daily) {
    for (const [key, cost] of Object.entries(day.breakdown)) {
      totals.set(key, (totals.get(key) ?? 0) + Number(cost));
    }
  }
  return [...totals.entries()]
    .sort(
      (a, b) =>
        Number(outside.has(a[0])) - Number(outside.has(b[0])) || b[1] - a[1],
    )
    .map(([key]) => key);
}

/**
 * A daily cost chart stacked by the keys of each day's breakdown. Given the
 * breakdown, the spend outside its dimension is stacked above the dimension's values,
 * in greys, and named by what it is.
 *
 * @public
 */
export function CostChart(props: {
  daily: DailyCost[];
  currency: string;
  height?: number;
  breakdown?: CostBreakdownItem[];
}) {
  const outside = new Map(
    (props.breakdown ?? [])
      .filter(item => item.outside)
      .map(item => [item.key, breakdownLabel(item)]),
  );
  const keys = seriesKeys(props.daily, new Set(outside.keys()));
  const values = keys.filter(key => !outside.has(key));
  const rest = keys.filter(key => outside.has(key));
  const colour = (key: string) =>
    outside.has(key)
      ? OUTSIDE_PALETTE[rest.indexOf(key) % OUTSIDE_PALETTE.length]
      : PALETTE[values.indexOf(key) % PALETTE.length];
  const data = props.daily.map(day => ({
    day: day.day,
    ...Object.fromEntries(
      Object.entries(day.breakdown).map(([k, v]) => [k, Number(v)]),
    ),
  }));
  return (
    <DailyChart
      type="bar"
      label="Daily cost chart"
      data={data}
      height={props.height ?? 320}
      valueAxis={{ width: 90 }}
      format={value => formatMoney(String(value), props.currency)}
      legend
    >
      {keys.map(key => (
        <Bar
          key={key}
          dataKey={key}
          name={outside.get(key) ?? key}
          stackId="cost"
          fill={colour(key)}
        />
      ))}
    </DailyChart>
  );
}
