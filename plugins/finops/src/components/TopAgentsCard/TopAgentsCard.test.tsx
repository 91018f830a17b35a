import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { MeteringSummaryState } from '../../hooks/useMeteringSummary';
import { emptyMeteringSummary, meteringSummary } from '../meteringTestData';
import { TopAgentsCard } from './TopAgentsCard';

function render(state: MeteringSummaryState) {
  return renderInTestApp(<TopAgentsCard state={state} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
}

describe('TopAgentsCard', () => {
  it('ranks agents with the entities they spent for, and sessions with their agent and entity', async () => {
    await render({ value: meteringSummary, loading: false });
    const agents = screen.getByRole('table', { name: 'Top agents' });
    expect(rowsOf(agents)).toEqual([
      ['triage-agent', '$640.50', '12,000', 'ticket-triage, agent-assist'],
      ['locator-agent', '$11.00', '40', 'store-locator'],
    ]);
    expect(
      within(agents).getByRole('link', { name: 'agent-assist' }),
    ).toHaveAttribute('href', '/catalog/default/component/agent-assist');
    const sessions = screen.getByRole('table', { name: 'Top sessions' });
    expect(rowsOf(sessions)).toEqual([
      ['session-loop-1', 'triage-agent', 'ticket-triage', '$412.00', '9,000'],
      ['session-7', '–', '–', '$0.20', '1'],
    ]);
    expect(
      within(sessions).getByRole('link', { name: 'ticket-triage' }),
    ).toHaveAttribute('href', '/catalog/default/component/ticket-triage');
    expect(
      screen.getByText('Metered spend, 2026-10-30 to 2026-11-28'),
    ).toBeInTheDocument();
  });

  it('says what would fill it when no usage named an agent or a session', async () => {
    await render({ value: emptyMeteringSummary, loading: false });
    const empty = screen.getByTestId('top-agents-empty');
    expect(empty).toHaveTextContent(
      'No metered spend named an agent or a session in the period.',
    );
    expect(empty).toHaveTextContent('agentId and sessionId');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when agents spent but no session was named', async () => {
    await render({
      value: {
        ...meteringSummary,
        topAgents: [{ ...meteringSummary.topAgents[1], entityRefs: [] }],
        topSessions: [],
      },
      loading: false,
    });
    expect(rowsOf(screen.getByRole('table', { name: 'Top agents' }))).toEqual([
      ['locator-agent', '$11.00', '40', '–'],
    ]);
    expect(screen.getByRole('table', { name: 'Top agents' })).toBeVisible();
    expect(
      screen.getByText('No usage reported with a session id.'),
    ).toBeInTheDocument();
  });

  it('shows the error of a refused read', async () => {
    await render({
      loading: false,
      error: new Error('permission finops.cost.read is required'),
    });
    expect(
      screen.getAllByText(/permission finops.cost.read is required/).length,
    ).toBeGreaterThan(0);
  });
});
