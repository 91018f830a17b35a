import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import { FinopsPage } from './FinopsPage';

import { summary } from '../testData';
import { ownStatus, teamStatus } from '../budgetTestData';
import { topMovers } from './TopMovers';
import { leaderboard } from '../scorecardTestData';
import { emptyMeteringSummary, meteringSummary } from '../meteringTestData';
import { reconciliation } from '../reconciliationTestData';
import { unallocatedSpend } from '../unallocatedTestData';
import { lastDays } from '../format';

const mountedRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

describe('FinopsPage', () => {
  it('shows totals, unallocated spend with the vendor ids to claim, budgets at risk, denials, top agents, scorecard leaderboard, cost centers, teams, movers, model mix and reconciliation', async () => {
    const getMeteringSummary = jest.fn(async () => meteringSummary);
    const getReconciliation = jest.fn(async () => reconciliation);
    const getUnallocatedSpend = jest.fn(async () => unallocatedSpend);
    const api: Partial<FinopsApi> = {
      getSummary: jest.fn(async ({ groupBy }) => summary(groupBy)),
      getGovernanceFindings: async () => ({
        items: [],
        byTeam: [{ team: 'ml-apps', entities: 4, fullyLabelled: 3 }],
      }),
      getBudgets: async () => ({ items: [teamStatus, ownStatus] }),
      getScorecardLeaderboard: async groupBy => leaderboard(groupBy),
      getMeteringSummary,
      getReconciliation,
      getUnallocatedSpend,
    };
    await renderInTestApp(
      <TestApiProvider apis={[[finopsApiRef, api]]}>
        <FinopsPage />
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(await screen.findByTestId('finops-org-total')).toHaveTextContent(
      '$1,500.00',
    );
    expect(screen.getByTestId('finops-unallocated')).toHaveTextContent(
      '$42.10',
    );
    const unclaimed = await screen.findByRole('table', {
      name: 'Unallocated spend by vendor id',
    });
    expect(
      within(unclaimed).getByText(
        'tollgate.dev/openai-projects: proj_research',
      ),
    ).toBeInTheDocument();
    expect(getUnallocatedSpend).toHaveBeenCalledWith(lastDays(30));
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
    expect(await screen.findByTestId('denials-total')).toHaveTextContent('17');
    expect(
      within(
        screen.getByRole('table', { name: 'Guardrail denials by entity' }),
      ).getByRole('link', { name: 'ticket-triage' }),
    ).toHaveAttribute('href', '/catalog/default/component/ticket-triage');
    expect(
      within(screen.getByRole('table', { name: 'Top agents' })).getByText(
        'triage-agent',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Top sessions' })).getByText(
        'session-loop-1',
      ),
    ).toBeInTheDocument();
    expect(getMeteringSummary).toHaveBeenCalledWith(lastDays(30));
    expect(
      await screen.findByRole('table', {
        name: 'Reconciliation by provider, model and token type',
      }),
    ).toBeInTheDocument();
    expect(getReconciliation).toHaveBeenCalledWith(lastDays(30));
  });

  it('says what would fill the metering cards, and keeps the page when they fail', async () => {
    const api: Partial<FinopsApi> = {
      getSummary: async ({ groupBy }) => summary(groupBy),
      getGovernanceFindings: async () => ({ items: [], byTeam: [] }),
      getBudgets: async () => ({ items: [] }),
      getScorecardLeaderboard: async groupBy => leaderboard(groupBy),
      getMeteringSummary: async () => emptyMeteringSummary,
      getReconciliation: async () => reconciliation,
      getUnallocatedSpend: async () => unallocatedSpend,
    };
    const rendered = await renderInTestApp(
      <TestApiProvider apis={[[finopsApiRef, api]]}>
        <FinopsPage />
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(await screen.findByTestId('denials-empty')).toBeInTheDocument();
    expect(screen.getByTestId('top-agents-empty')).toBeInTheDocument();
    rendered.unmount();

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            finopsApiRef,
            {
              ...api,
              getMeteringSummary: async () => {
                throw new Error('metering summary unavailable');
              },
            },
          ],
        ]}
      >
        <FinopsPage />
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(await screen.findByTestId('finops-org-total')).toHaveTextContent(
      '$1,500.00',
    );
    expect(
      (await screen.findAllByText(/metering summary unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('ranks movers by the size of their change', () => {
    const movers = topMovers(summary('entity'));
    expect(movers.map(m => [m.key, m.delta])).toEqual([['entity-a', 500]]);
  });
});
