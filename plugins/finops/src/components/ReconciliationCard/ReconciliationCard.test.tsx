import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { ReconciliationState } from '../../hooks/useReconciliation';
import { emptyReconciliation, reconciliation } from '../reconciliationTestData';
import { ReconciliationCard } from './ReconciliationCard';

function render(state: ReconciliationState) {
  return renderInTestApp(<ReconciliationCard state={state} />);
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);

describe('ReconciliationCard', () => {
  it('shows metered, vendor usage, vendor cost and invoice per provider, model and token type, with the drift', async () => {
    await render({ value: reconciliation, loading: false });
    expect(
      screen.getByText(
        'Metered, vendor and invoiced figures (billed cost), 2026-08-10 to 2026-08-11; drift past 5% raises an alert',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Reconciliation by provider, model and token type',
    });
    const [header, input, cacheRead] = within(table).getAllByRole('row');
    expect(
      within(header)
        .getAllByRole('columnheader')
        .map(cell => cell.textContent),
    ).toEqual([
      '',
      'Provider',
      'Model',
      'Token type',
      'Metered',
      'Vendor usage',
      'Vendor cost',
      'Invoice',
      'Drift',
    ]);
    expect(cellsOf(input).slice(1)).toEqual([
      'openai',
      'gpt-4o',
      'input',
      '$11.004,400,000 tokens',
      '$10.504,200,000 tokens',
      '$10.20',
      '$10.004,000,000 tokens',
      'Metered +10% (+$1.00)Vendor usage +5% (+$0.50)Vendor cost +2% (+$0.20)against invoice',
    ]);
    // past the 5% alert only the metered drift is in the alarm colour
    const drift = within(input).getByText('Metered +10% (+$1.00)');
    expect(drift).toHaveStyle({ color: '#CA001B' });
    expect(
      within(input).getByText('Vendor usage +5% (+$0.50)'),
    ).not.toHaveStyle({ color: '#CA001B' });
    expect(cellsOf(cacheRead).slice(1)).toEqual([
      'openai',
      'gpt-4o',
      'cache read',
      'not priced1,000,000 tokens1,000,000 tokens without a price',
      '$10.008,000,000 tokens',
      '–',
      '–',
      '–',
    ]);

    expect(screen.queryAllByTestId('reconciliation-day')).toHaveLength(0);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Show the days of openai gpt-4o input',
      }),
    );
    const days = screen.getAllByTestId('reconciliation-day');
    expect(days.map(row => cellsOf(row)[1])).toEqual([
      '2026-08-10',
      '2026-08-11',
    ]);
    expect(cellsOf(days[0]).slice(2, 6)).toEqual([
      '$5.502,200,000 tokens',
      '$5.252,100,000 tokens',
      '$5.10',
      '$5.002,000,000 tokens',
    ]);
  });

  it('names the price the price book has wrong, with the override to fix it', async () => {
    await render({ value: reconciliation, loading: false });
    const suggestions = screen.getByTestId('price-suggestions');
    expect(suggestions).toHaveTextContent(
      'gpt-4o cache reads: price book 1.25/M, billed 0.625/M over 14 days (by the invoice, 2026-07-29 to 2026-08-11)',
    );
    // as written, its lines and indentation kept
    expect(
      within(suggestions).getByText(/cacheReadPerMillion: 0.625/).textContent,
    ).toBe(
      [
        'tollgate:',
        '  pricing:',
        '    models:',
        '      - provider: openai',
        '        model: gpt-4o',
        '        inputPerMillion: 2.5',
        '        outputPerMillion: 10',
        '        cacheReadPerMillion: 0.625',
        '        effectiveFrom: 2026-07-29',
        '',
      ].join('\n'),
    );
  });

  it('says which sources feed it when no tokens were recorded', async () => {
    await render({ value: emptyReconciliation, loading: false });
    const empty = screen.getByTestId('reconciliation-empty');
    expect(empty).toHaveTextContent(
      'No model tokens were recorded in the period.',
    );
    expect(empty).toHaveTextContent('POST /api/finops/v1/usage');
    expect(empty).toHaveTextContent('FOCUS exports');
    expect(empty).toHaveTextContent('Sources read: metered (metered usage).');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('price-suggestions')).not.toBeInTheDocument();
  });

  it('shows the error of a refused read', async () => {
    await render({
      loading: false,
      error: new Error('permission finops.summary.read is required'),
    });
    expect(
      screen.getAllByText(/permission finops.summary.read is required/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
