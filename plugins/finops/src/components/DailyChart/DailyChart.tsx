import { useTheme } from '@material-ui/core';
import { ReactNode } from 'react';
import {
  BarChart,
  CartesianGrid,
  Legend,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** The value axis of a {@link DailyChart}: its width, and its bounds and ticks if fixed. */
export interface DailyChartValueAxis {
  width: number;
  domain?: [number, number];
  ticks?: number[];
}

/**
 * A chart of one row per day, the day in `day`, at the full width of its container:
 * a grid, the days along the bottom, the values up the side and a tooltip, in the
 * theme's colours, the values written by `format`; the bars or lines are its
 * children.
 */
export function DailyChart(props: {
  type: 'bar' | 'line';
  /** The chart's accessible name. */
  label: string;
  data: Array<{ day: string }>;
  height: number;
  valueAxis: DailyChartValueAxis;
  /** Writes a value, on the value axis and in the tooltip. */
  format: (value: unknown) => string;
  legend?: boolean;
  children: ReactNode;
}) {
  const theme = useTheme();
  const tick = { fill: theme.palette.text.secondary };
  const Chart = props.type === 'bar' ? BarChart : LineChart;
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <Chart data={props.data} aria-label={props.label}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis dataKey="day" tick={tick} />
        <YAxis {...props.valueAxis} tick={tick} tickFormatter={props.format} />
        <Tooltip formatter={props.format} />
        {props.legend && <Legend />}
        {props.children}
      </Chart>
    </ResponsiveContainer>
  );
}
