import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntityUnitCostResponse } from '@tollgate/plugin-finops-common';
import { FinopsApi, finopsApiRef } from '../../api';
import { entityUnitCost, noUnitCost } from '../testData';
import { UnitCostCard } from './UnitCostCard';

const ref = {
  kind: 'Component',
  namespace: 'default',
  name: 'support-summarizer',
};

function render(api: Partial<FinopsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <UnitCostCard entity={ref} days={30} />
    </TestApiProvider>,
  );
}

describe('UnitCostCard', () => {
  it('shows cost per outcome with its unit, its change, its trend and cost per 1,000 requests', async () => {
    const getEntityUnitCost = jest.fn(async () => entityUnitCost);
    await render({ getEntityUnitCost });
    expect(
      await screen.findByTestId('unit-cost-per-outcome'),
    ).toHaveTextContent('$0.50');
    expect(
      screen.getByText(/per triaged ticket: \$30\.50 for 61 outcomes/),
    ).toBeInTheDocument();
    // Cheaper per outcome and per request than the previous period.
    expect(
      screen.getAllByText(/▼ 20\.0% against the previous period/),
    ).toHaveLength(2);
    expect(screen.getByText(/\(\$0\.625\)/)).toBeInTheDocument();
    expect(screen.getByTestId('unit-cost-per-1k-requests')).toHaveTextContent(
      '$2.50 per 1,000 requests (12,200 requests)',
    );
    const chart = document.querySelector(
      '[aria-label="Daily cost per outcome chart"]',
    );
    expect(chart?.querySelectorAll('.recharts-line')).toHaveLength(1);
    expect(getEntityUnitCost).toHaveBeenCalledWith(
      ref,
      expect.objectContaining({
        from: expect.any(String),
        to: expect.any(String),
      }),
    );
  });

  it('shows a rise as dearer, and says when there is nothing to compare with', async () => {
    const dearer: EntityUnitCostResponse = {
      ...entityUnitCost,
      outcome: { query: entityUnitCost.outcome!.query },
      costPerOutcome: { ...entityUnitCost.costPerOutcome, change: 0.25 },
      costPer1kRequests: {
        ...entityUnitCost.costPer1kRequests,
        previousUnits: 0,
        previousCost: null,
        change: null,
      },
    };
    await render({ getEntityUnitCost: async () => dearer });
    // A rise is drawn in Backstage's errorText (5.9:1 on white), not MUI's
    // error.main (#f44336, 3.7:1).
    expect(
      await screen.findByText(/▲ 25\.0% against the previous period/),
    ).toHaveStyle({ color: '#CA001B' });
    expect(screen.getByText(/^per outcome:/)).toBeInTheDocument();
    expect(
      screen.getByText('No requests in the previous period to compare with'),
    ).toBeInTheDocument();
  });

  it('says how to declare the outcome query when the entity has none', async () => {
    await render({ getEntityUnitCost: async () => noUnitCost });
    const empty = await screen.findByTestId('unit-cost-empty');
    expect(empty).toHaveTextContent(
      'tollgate.dev/outcome-query: sum(increase(tickets_triaged_total[1d]))',
    );
    expect(empty).toHaveTextContent('tollgate.dev/outcome-unit');
    expect(
      screen.getByText('No served requests recorded in the period'),
    ).toBeInTheDocument();
  });

  it('says when the outcome query has not counted anything yet', async () => {
    await render({
      getEntityUnitCost: async () => ({
        ...noUnitCost,
        outcome: entityUnitCost.outcome,
      }),
    });
    expect(
      await screen.findByTestId('unit-cost-no-outcomes'),
    ).toHaveTextContent(
      'The Prometheus source evaluates sum(increase(tickets_triaged_total[1d]))',
    );
  });

  it('shows the error when the backend refuses', async () => {
    await render({
      getEntityUnitCost: async () => {
        throw new Error('permission finops.cost.read is required');
      },
    });
    expect(
      (await screen.findAllByText(/permission finops.cost.read is required/))
        .length,
    ).toBeGreaterThan(0);
  });
});
