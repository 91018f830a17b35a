import { DailyCost } from '@tollgate/plugin-finops-common';
import { useTheme } from '@material-ui/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../format';

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** Keys ordered by their total over the series, largest first. */
export function seriesKeys(daily: DailyCost[]): string[] {
  const totals = new Map<string, number>();
  for (const day of daily) {
    for (const [key, cost] of Object.entries(day.breakdown)) {
      totals.set(key, (totals.get(key) ?? 0) + Number(cost));
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

/** A daily cost chart stacked by the keys of each day's breakdown. @public */
export function CostChart(props: {
  daily: DailyCost[];
  currency: string;
  height?: number;
}) {
  const theme = useTheme();
  const keys = seriesKeys(props.daily);
  const data = props.daily.map(day => ({
    day: day.day,
    ...Object.fromEntries(
      Object.entries(day.breakdown).map(([k, v]) => [k, Number(v)]),
    ),
  }));
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      <BarChart data={data} aria-label="Daily cost chart">
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis dataKey="day" tick={{ fill: theme.palette.text.secondary }} />
        <YAxis
          tick={{ fill: theme.palette.text.secondary }}
          tickFormatter={v => formatMoney(String(v), props.currency)}
          width={90}
        />
        <Tooltip
          formatter={(v: any) => formatMoney(String(v), props.currency)}
        />
        <Legend />
        {keys.map((key, i) => (
          <Bar
            key={key}
            dataKey={key}
            stackId="cost"
            fill={PALETTE[i % PALETTE.length]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
