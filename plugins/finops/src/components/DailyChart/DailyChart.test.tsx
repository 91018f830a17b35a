import { render } from '@testing-library/react';
import { ComponentProps } from 'react';
import { Bar, Line } from 'recharts';
import { DailyChart } from './DailyChart';

const data = [
  { day: '2026-11-27', cost: 12, score: 40 },
  { day: '2026-11-28', cost: 30, score: 80 },
];

type Props = ComponentProps<typeof DailyChart>;

function renderChart(props: Partial<Props> & Pick<Props, 'children'>) {
  const { container } = render(
    <DailyChart
      type="line"
      label="Daily test chart"
      data={data}
      height={300}
      valueAxis={{ width: 90 }}
      format={value => `${value}`}
      {...props}
    />,
  );
  const ticks = (axis: 'x' | 'y') =>
    [
      ...container.querySelectorAll(
        `.recharts-${axis}Axis .recharts-cartesian-axis-tick-value`,
      ),
    ].map(tick => tick.textContent);
  return {
    chart: container.querySelector('[aria-label="Daily test chart"]'),
    legend: container.querySelector('.recharts-legend-wrapper'),
    ticks,
  };
}

describe('DailyChart', () => {
  it('draws its bars over the days, the values written by its format', () => {
    const { chart, legend, ticks } = renderChart({
      type: 'bar',
      format: value => `$${value}`,
      legend: true,
      children: <Bar dataKey="cost" name="Cost" isAnimationActive={false} />,
    });
    expect(chart?.querySelectorAll('.recharts-bar')).toHaveLength(1);
    expect(chart?.querySelector('.recharts-cartesian-grid')).not.toBeNull();
    expect(ticks('x')).toEqual(['2026-11-27', '2026-11-28']);
    expect(ticks('y').length).toBeGreaterThan(1);
    expect(ticks('y').every(text => text?.startsWith('$'))).toBe(true);
    expect(legend).toHaveTextContent('Cost');
  });

  it('draws its lines on the value axis asked for, without a legend unless asked', () => {
    const { chart, legend, ticks } = renderChart({
      valueAxis: { width: 40, domain: [0, 100], ticks: [0, 50, 100] },
      children: [
        <Line key="score" dataKey="score" isAnimationActive={false} />,
        <Line key="cost" dataKey="cost" isAnimationActive={false} />,
      ],
    });
    expect(chart?.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(ticks('y')).toEqual(['0', '50', '100']);
    expect(legend).toBeNull();
  });
});
