import { costRecord } from './costRecords';

const DAY = '2026-03-01';

describe('costRecord', () => {
  it('reads a credit and an exponent exactly', () => {
    expect(
      costRecord(DAY, { amount: { value: '-1.25', currency: 'usd' } })
        .billedCostMicros,
    ).toBe(-1_250_000n);
    expect(
      costRecord(DAY, { amount: { value: '2.5e-6', currency: 'usd' } })
        .billedCostMicros,
    ).toBe(2n);
  });

  it.each([
    [{}, 'amount.value is undefined, expected a number of dollars'],
    [
      { amount: { value: 'NaN', currency: 'usd' } },
      'amount.value is "NaN", expected a number of dollars',
    ],
    [
      { amount: { value: '1', currency: 'dollars' } },
      'amount.currency is "dollars", expected a currency code such as usd',
    ],
  ])('refuses %j', (result, message) => {
    expect(() => costRecord(DAY, result)).toThrow(message);
  });
});
