import { useTheme } from '@material-ui/core';
import {
  SCORECARD_PILLARS,
  ScorecardTrendPoint,
} from '@tollgate/plugin-finops-common';
import { Line } from 'recharts';
import { DailyChart } from '../DailyChart';
import { formatScore } from '../format';
import { PILLAR_LABELS } from './checkText';

const PILLAR_COLORS = {
  cost: '#1f77b4',
  risk: '#d62728',
  velocity: '#2ca02c',
};

/** One row per day: the overall score and each pillar's, null where not applicable. */
export function trendRows(trend: ScorecardTrendPoint[]) {
  return trend.map(point => ({
    day: point.day,
    score: point.score,
    ...point.pillars,
  }));
}

/**
 * The overall score and the score of each pillar over the scorecard's trend days, on
 * a 0–100 scale; days where a score is not applicable are gaps.
 */
export function ScorecardTrendChart(props: {
  trend: ScorecardTrendPoint[];
  height?: number;
}) {
  const theme = useTheme();
  return (
    <DailyChart
      type="line"
      label="Score trend chart"
      data={trendRows(props.trend)}
      height={props.height ?? 180}
      valueAxis={{ width: 40, domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
      format={value => formatScore(Number(value))}
      legend
    >
      <Line
        dataKey="score"
        name="Overall"
        stroke={theme.palette.text.primary}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
      {SCORECARD_PILLARS.map(pillar => (
        <Line
          key={pillar}
          dataKey={pillar}
          name={PILLAR_LABELS[pillar]}
          stroke={PILLAR_COLORS[pillar]}
          strokeDasharray="4 2"
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </DailyChart>
  );
}
