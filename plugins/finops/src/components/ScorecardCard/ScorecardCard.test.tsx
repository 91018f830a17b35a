import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import {
  entityScorecard,
  noScorecard,
  scorecardWithTrend,
} from '../scorecardTestData';
import { formatThresholds, formatValue } from './checkText';
import { ScorecardCard } from './ScorecardCard';
import { trendRows } from './ScorecardTrendChart';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'support-summarizer', namespace: 'default' },
  spec: { type: 'capability', owner: 'group:customer-experience' },
};

function render(api: Partial<FinopsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <ScorecardCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('ScorecardCard', () => {
  it('shows the grade, score and pillars of each scorecard', async () => {
    const getScorecard = jest.fn(async () => entityScorecard);
    await render({ getScorecard });
    expect(await screen.findByText('AI service health')).toBeInTheDocument();
    expect(screen.getByTestId('scorecard-grade')).toHaveTextContent('C');
    expect(screen.getByTestId('scorecard-score')).toHaveTextContent(
      '72.5 / 100',
    );
    expect(screen.getByTestId('scorecard-pillar-cost')).toHaveTextContent(
      '90 (A)',
    );
    expect(screen.getByTestId('scorecard-pillar-risk')).toHaveTextContent(
      '55 (F)',
    );
    expect(screen.getByTestId('scorecard-pillar-velocity')).toHaveTextContent(
      'not applicable',
    );
    expect(screen.getByText('1 of 4 checks pass')).toBeInTheDocument();
    expect(screen.getByText('Cost per request stays low')).toBeInTheDocument();
    expect(screen.getByText('Error rate under 1%')).toBeInTheDocument();
    expect(screen.getByText('warning')).toBeInTheDocument();
    expect(screen.getByText('failing')).toBeInTheDocument();
    expect(
      screen.queryByText('The entity has a budget'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Not applicable (no data)')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Deploys at least weekly \(Velocity, deploys-per-week\)/,
      ),
    ).toBeInTheDocument();
    expect(getScorecard).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'support-summarizer',
    });
  });

  it('shows the value, thresholds and how to fix when a check is expanded', async () => {
    await render({ getScorecard: async () => entityScorecard });
    expect(
      screen.queryByText('Retry provider errors with backoff'),
    ).not.toBeInTheDocument();
    fireEvent.click(await screen.findByText('Error rate under 1%'));
    const fix = await screen.findByText('Retry provider errors with backoff');
    const details = fix.closest('div')!;
    expect(details).toHaveTextContent('How to fix:');
    expect(
      within(details.parentElement!).getByText(
        /value 3.2 · pass ≤ 1, warn ≤ 2, fail ≥ 5 · score 30/,
      ),
    ).toBeInTheDocument();
  });

  it('charts the overall and pillar scores over the trend days', async () => {
    await render({ getScorecard: async () => scorecardWithTrend });
    const trend = await screen.findByTestId('scorecard-trend');
    expect(trend).toHaveTextContent(
      'Trend from 2026-11-26 to 2026-11-28: 60 → 72.5',
    );
    // One line for the overall score and one per pillar, with a legend.
    expect(trend.querySelectorAll('.recharts-line')).toHaveLength(4);
    for (const name of ['Overall', 'Cost', 'Risk', 'Velocity']) {
      expect(within(trend).getByText(name)).toBeInTheDocument();
    }
    expect(trendRows(scorecardWithTrend.scorecards[0].trend)).toEqual([
      { day: '2026-11-26', score: 60, cost: 80, risk: 40, velocity: null },
      {
        day: '2026-11-27',
        score: null,
        cost: null,
        risk: null,
        velocity: null,
      },
      { day: '2026-11-28', score: 72.5, cost: 90, risk: 55, velocity: null },
    ]);
  });

  it('says the trend comes with the second day scored', async () => {
    await render({ getScorecard: async () => entityScorecard });
    expect(
      await screen.findByText('The trend appears from the second day scored.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('scorecard-trend')).not.toBeInTheDocument();
  });

  it('says when no scorecard applies', async () => {
    await render({ getScorecard: async () => noScorecard });
    expect(
      await screen.findByText('No scorecard applies to this entity.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend refuses', async () => {
    await render({
      getScorecard: async () => {
        throw new Error('permission finops.cost.read is required');
      },
    });
    expect(
      (await screen.findAllByText(/permission finops.cost.read is required/))
        .length,
    ).toBeGreaterThan(0);
  });
});

describe('check text', () => {
  it('describes values and thresholds', () => {
    expect(formatValue(undefined)).toBe('no data');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(0.015)).toBe('0.015');
    expect(formatThresholds({ type: 'boolean', expected: true })).toBe(
      'expected yes',
    );
    expect(
      formatThresholds({
        type: 'number',
        direction: 'higher-better',
        pass: 99,
        warn: 95,
        fail: 90,
      }),
    ).toBe('pass ≥ 99, warn ≥ 95, fail ≤ 90');
  });
});
