import { render } from '@testing-library/react';
import { Bar, Line } from 'recharts';
import { DailyChart } from './DailyChart';

const data = [
  { day: '2026-11-27', cost: 12, score: 40 },
  { day: '2026-11-28', cost: 30, score: 80 },
];

function tickTexts(container: HTMLElement, axis: 'x' | 'y') {
  return [
    ...container.querySelectorAll(
      `.recharts-${axis}Axis .recharts-cartesian-axis-tick-value`,
    ),
  ].map(tick => tick.textContent);
}

describe('DailyChart', () => {
  it('draws its bars over the days, with the values written by the axis format', () => {
    const { container } = render(
      <DailyChart
        type="bar"
        label="Daily test chart"
        data={data}
        height={300}
        valueAxis={{ width: 90 }}
        format={value => `$${value}`}
        legend
      >
        <Bar dataKey="cost" name="Cost" isAnimationActive={false} />
      </DailyChart>,
    );
    const chart = container.querySelector('[aria-label="Daily test chart"]');
    expect(chart?.querySelectorAll('.recharts-bar')).toHaveLength(1);
    expect(chart?.querySelector('.recharts-cartesian-grid')).not.toBeNull();
    expect(tickTexts(container, 'x')).toEqual(['2026-11-27', '2026-11-28']);
    expect(tickTexts(container, 'y').every(text => text?.startsWith('$'))).toBe(
      true,
    );
    expect(
      container.querySelector('.recharts-legend-wrapper'),
    ).toHaveTextContent('Cost');
  });

  it('draws its lines on the value axis asked for, without a legend unless asked', () => {
    const { container } = render(
      <DailyChart
        type="line"
        label="Score test chart"
        data={data}
        height={180}
        valueAxis={{ width: 40, domain: [0, 100], ticks: [0, 50, 100] }}
        format={value => `${value}`}
      >
        <Line dataKey="score" isAnimationActive={false} />
        <Line dataKey="cost" isAnimationActive={false} />
      </DailyChart>,
    );
    const chart = container.querySelector('[aria-label="Score test chart"]');
    expect(chart?.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(tickTexts(container, 'y')).toEqual(['0', '50', '100']);
    expect(container.querySelector('.recharts-legend-wrapper')).toBeNull();
  });
});
