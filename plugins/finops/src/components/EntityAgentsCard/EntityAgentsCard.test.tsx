import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import { emptyEntityCost, entityCostByAgent } from '../testData';
import { triageByAgent } from '../CostBreakdownTable/outsideTestData';
import { EntityAgentsCard } from './EntityAgentsCard';

const ref = {
  kind: 'Component',
  namespace: 'default',
  name: 'support-summarizer',
};

function render(api: Partial<FinopsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <EntityAgentsCard entity={ref} days={30} />
    </TestApiProvider>,
  );
}

describe('EntityAgentsCard', () => {
  it('shows each agent’s cost, share and sessions, and the spend that names none', async () => {
    const getEntityCost = jest.fn(async () => entityCostByAgent);
    await render({ getEntityCost });
    const table = await screen.findByRole('table', { name: 'Spend by agent' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      );
    expect(rows).toEqual([
      ['summarizer-agent', '1,204', '$22.25', '73.0%'],
      ['(no agent)', '–', '$6.00', '19.7%'],
      ['escalation-drafter', '–', '$2.25', '7.4%'],
    ]);
    expect(screen.getByText('2026-11-27 to 2026-11-28')).toBeInTheDocument();
    expect(getEntityCost).toHaveBeenCalledWith(
      ref,
      expect.objectContaining({
        groupBy: 'agent',
        from: expect.any(String),
        to: expect.any(String),
      }),
    );
  });

  it('lists the agents first, then spend that is no agent’s, set apart and named by what it is', async () => {
    await render({ getEntityCost: async () => triageByAgent });
    const table = await screen.findByRole('table', { name: 'Spend by agent' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      ),
    ).toEqual([
      ['triage-agent', '–', '$30.40', '74.5%'],
      ['Other services', '–', '$9.48', '23.2%'],
      ['Kubernetes', '–', '$0.76', '1.9%'],
      ['(no agent)', '–', '$0.15', '0.4%'],
      ['API calls', '–', '$0.015', '0.0%'],
    ]);
    const [agent, first, next] = rows.map(
      row => within(row).getAllByRole('cell')[0],
    );
    const style = (cell: HTMLElement) => window.getComputedStyle(cell);
    expect(style(first).color).not.toBe(style(agent).color);
    expect(style(next).color).toBe(style(first).color);
    expect(style(first).borderTop).toMatch(/^2px solid/);
    expect(style(next).borderTop).not.toMatch(/^2px solid/);
  });

  it('says how spend comes to name an agent when none does', async () => {
    await render({
      getEntityCost: async () => ({
        ...emptyEntityCost,
        groupBy: 'agent',
        total: '5.00',
        breakdown: [
          { key: '(no agent)', outside: 'unnamed', cost: '4.00', sessions: 0 },
          { key: '(Kubernetes)', outside: 'kubernetes', cost: '1.00' },
        ],
      }),
    });
    const empty = await screen.findByTestId('agents-empty');
    expect(empty).toHaveTextContent('No spend in the period names an agent');
    expect(empty).toHaveTextContent('gen_ai.agent.id');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error when the backend refuses', async () => {
    await render({
      getEntityCost: async () => {
        throw new Error('permission finops.cost.read is required');
      },
    });
    expect(
      (await screen.findAllByText(/permission finops.cost.read is required/))
        .length,
    ).toBeGreaterThan(0);
  });
});
