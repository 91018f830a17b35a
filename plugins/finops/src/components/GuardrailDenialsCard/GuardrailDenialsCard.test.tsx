import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { MeteringSummaryState } from '../../hooks/useMeteringSummary';
import { emptyMeteringSummary, meteringSummary } from '../meteringTestData';
import { GuardrailDenialsCard } from './GuardrailDenialsCard';

function render(state: MeteringSummaryState) {
  return renderInTestApp(<GuardrailDenialsCard state={state} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('GuardrailDenialsCard', () => {
  it('shows the calls denied in total and per entity, linked to the catalog', async () => {
    await render({ value: meteringSummary, loading: false });
    expect(screen.getByTestId('denials-total')).toHaveTextContent('17');
    expect(screen.getByText('2026-10-30 to 2026-11-28')).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Guardrail denials by entity',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = within(rows[0]).getAllByRole('cell');
    expect(within(cells[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/ticket-triage',
    );
    expect(cells[0]).toHaveTextContent('ticket-triage');
    expect(cells[1]).toHaveTextContent('15');
    expect(cells[2]).toHaveTextContent('2026-11-28 09:58 UTC');
    expect(cells[3]).toHaveTextContent(
      'Denied: the hard budget of component:default/ticket-triage (800.00 USD/month) would reach 101.2%',
    );
    expect(
      within(rows[1]).getByRole('link', { name: /fraud-scorer/ }),
    ).toHaveAttribute('href', '/catalog/default/component/fraud-scorer');
  });

  it('says what would be counted when nothing was denied', async () => {
    await render({ value: emptyMeteringSummary, loading: false });
    expect(screen.getByTestId('denials-empty')).toHaveTextContent(
      'No call was denied in the period.',
    );
    expect(screen.getByTestId('denials-empty')).toHaveTextContent(
      'POST /api/finops/v1/guardrails/reservations',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error of a refused read', async () => {
    await render({
      loading: false,
      error: new Error('permission finops.cost.read is required'),
    });
    expect(
      screen.getAllByText(/permission finops.cost.read is required/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('denials-total')).not.toBeInTheDocument();
  });
});
