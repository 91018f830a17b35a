import { CostRecord } from '@tollgate/plugin-finops-common';
import { checkFetchWindow } from './checkFetchWindow';
import { describeMoney } from './describeMoney';

describe('checkFetchWindow', () => {
  it('accepts a window of UTC days', () => {
    expect(() =>
      checkFetchWindow({ from: '2024-05-01', to: '2024-05-01' }),
    ).not.toThrow();
  });

  it.each([
    ['2024-05-02', '2024-05-01'],
    ['2024-5-01', '2024-05-01'],
    ['2024-05-01', 'tomorrow'],
  ])('rejects %s..%s', (from, to) => {
    expect(() => checkFetchWindow({ from, to })).toThrow(
      `Invalid window ${from}..${to}: expected UTC days as YYYY-MM-DD, from not after to`,
    );
  });
});

describe('describeMoney', () => {
  const record = (currency: string, billedCostMicros: bigint) =>
    ({ currency, billedCostMicros } as CostRecord);

  it('totals each currency', () => {
    expect(
      describeMoney([
        record('USD', 1_500_000n),
        record('EUR', 250_000n),
        record('USD', 1_000_000n),
      ]),
    ).toBe('2.50 USD, 0.25 EUR');
  });

  it('says when there is no money', () => {
    expect(describeMoney([])).toBe('no money');
  });
});
