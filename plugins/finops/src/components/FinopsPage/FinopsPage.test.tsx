import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import { FinopsPage } from './FinopsPage';

import { summary } from '../testData';
import { ownStatus, teamStatus } from '../budgetTestData';
import { topMovers } from './TopMovers';
import { leaderboard } from '../scorecardTestData';

describe('FinopsPage', () => {
  it('shows totals, unallocated spend, budgets at risk, scorecard leaderboard, cost centers, teams, movers and model mix', async () => {
    const api: Partial<FinopsApi> = {
      getSummary: jest.fn(async ({ groupBy }) => summary(groupBy)),
      getGovernanceFindings: async () => ({
        items: [],
        byTeam: [{ team: 'ml-apps', entities: 4, fullyLabelled: 3 }],
      }),
      getBudgets: async () => ({ items: [teamStatus, ownStatus] }),
      getScorecardLeaderboard: async groupBy => leaderboard(groupBy),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[finopsApiRef, api]]}>
        <FinopsPage />
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('finops-org-total')).toHaveTextContent(
      '$1,500.00',
    );
    expect(screen.getByTestId('finops-unallocated')).toHaveTextContent(
      '$42.10',
    );
    // In the table and in the chart's legend.
    expect((await screen.findAllByText('costCenter-a')).length).toBeGreaterThan(
      0,
    );
    expect((await screen.findAllByText('team-b')).length).toBeGreaterThan(0);
    expect((await screen.findAllByText('model-a')).length).toBeGreaterThan(0);
    expect(screen.getByText('Top movers')).toBeInTheDocument();
    expect(screen.getByText('Export FOCUS CSV')).toBeInTheDocument();
    expect(await screen.findByText('75%')).toBeInTheDocument();
    expect(screen.getByText('Budgets at risk')).toBeInTheDocument();
    expect(await screen.findByText('team-best')).toBeInTheDocument();
    expect(
      await screen.findByText('component:default/support-summarizer'),
    ).toBeInTheDocument();
  });

  it('ranks movers by the size of their change', () => {
    const movers = topMovers(summary('entity'));
    expect(movers.map(m => [m.key, m.delta])).toEqual([['entity-a', 500]]);
  });
});
