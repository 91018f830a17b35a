import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { CostBreakdownTable } from './CostBreakdownTable';
import { triageByModel, triageByTokenType } from './outsideTestData';

/** The texts of the table's body rows, cell by cell. */
function bodyRows() {
  const [table] = screen.getAllByRole('table');
  return within(table)
    .getAllByRole('row')
    .filter(row => within(row).queryAllByRole('cell').length > 0)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
}

describe('CostBreakdownTable', () => {
  it('lists the dimension’s values first, then what is outside it by name, muted', async () => {
    const { total, currency, breakdown } = triageByModel;
    await renderInTestApp(
      <CostBreakdownTable
        title="Breakdown by model"
        keyTitle="Model"
        items={breakdown}
        total={total}
        currency={currency}
      />,
    );
    expect(bodyRows()).toEqual([
      ['claude-3-5-haiku-20241022', '30,000,000 tokens', '$30.40', '74.5%'],
      ['gpt-4o-mini', '2,000,000 tokens', '$0.15', '0.4%'],
      ['Other services', '—', '$9.48', '23.2%'],
      ['Kubernetes', '—', '$0.76', '1.9%'],
      ['API calls', '3 calls', '$0.015', '0.0%'],
    ]);
    const value = screen.getByRole('cell', { name: 'gpt-4o-mini' });
    const first = screen.getByRole('cell', { name: 'Other services' });
    const next = screen.getByRole('cell', { name: 'Kubernetes' });
    expect(first.style.color).not.toBe(value.style.color);
    expect(first.style.borderTop).toMatch(/^2px solid/);
    expect(next.style.color).toBe(first.style.color);
    expect(next.style.borderTop).toBe('');
  });

  it('sums what is outside the dimension on one line below it, exactly, saying what it is', async () => {
    const { total, currency, breakdown } = triageByTokenType;
    await renderInTestApp(
      <CostBreakdownTable
        title="Token types"
        keyTitle="Token type"
        items={breakdown}
        total={total}
        currency={currency}
        outsideLine="Not tokens"
      />,
    );
    expect(bodyRows()).toEqual([
      ['input', '28,000,000 tokens', '$22.40', '54.9%'],
      ['output', '2,000,000 tokens', '$8.00', '19.6%'],
      ['cache-read', '2,000,000 tokens', '$0.15', '0.4%'],
      [
        'Not tokens: Other services $9.48, Kubernetes $0.76, API calls $0.015',
        '—',
        '$10.26',
        '25.1%',
      ],
    ]);
  });

  it('shows a breakdown without outside lines as it is', async () => {
    await renderInTestApp(
      <CostBreakdownTable
        title="By team"
        keyTitle="Team"
        items={[
          { key: 'ml', cost: '3.00' },
          { key: 'payments', cost: '1.00' },
        ]}
        total="4.00"
        currency="USD"
        outsideLine="Not tokens"
      />,
    );
    expect(bodyRows()).toEqual([
      ['ml', '—', '$3.00', '75.0%'],
      ['payments', '—', '$1.00', '25.0%'],
    ]);
  });
});
