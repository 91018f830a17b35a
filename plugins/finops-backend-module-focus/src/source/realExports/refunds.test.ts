import {
  billedByDay,
  billedTotal,
  focusCsv,
  readFocusExport,
  sumOf,
} from './readFocusExport';

const COLUMNS = [
  'BilledCost',
  'ListCost',
  'BillingCurrency',
  'ChargeCategory',
  'ChargeClass',
  'ChargeFrequency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeDescription',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ServiceProviderName',
  'ServiceName',
];

/** A few days of usage and the refunds of some of it, as negative Usage rows. */
const ROWS: Array<
  [cost: string, start: string, end: string, quantity: string, what: string]
> = [
  ['5.00', '2025-03-09', '2025-03-10', '500', 'usage'],
  ['2.50', '2025-03-10', '2025-03-11', '250', 'usage'],
  ['-1.25', '2025-03-10', '2025-03-11', '-125', 'refund'],
  // a refund of a month of usage: a 31st of it on each day of March, 0.10 a day
  ['-3.10', '2025-03-01', '2025-04-01', '-310', 'refund'],
];

function csv(): string {
  return focusCsv(
    COLUMNS,
    ROWS.map(([cost, start, end, quantity, what]) => ({
      BilledCost: cost,
      ListCost: cost,
      BillingCurrency: 'USD',
      ChargeCategory: 'Usage',
      ChargeClass: what === 'refund' ? 'Correction' : '',
      ChargeFrequency: 'Usage-Based',
      ChargePeriodStart: start,
      ChargePeriodEnd: end,
      ChargeDescription: `API requests (${what})`,
      ConsumedQuantity: quantity,
      ConsumedUnit: 'Requests',
      ServiceProviderName: 'Acme',
      ServiceName: 'Acme API',
    })),
  );
}

describe('a FOCUS export with refunds as negative Usage rows', () => {
  it('keeps the refunds, which lower the total', async () => {
    const { records } = await readFocusExport(csv());
    expect(billedTotal(records)).toBe(sumOf(ROWS.map(([cost]) => cost)));
    expect(billedTotal(records)).toBe(sumOf(['3.15']));
    const refunds = records.filter(
      r => r.dimension === 'API requests (refund)',
    );
    expect(refunds).toHaveLength(1 + 31);
    expect(refunds.every(r => r.billedCostMicros < 0n)).toBe(true);
    expect(refunds.reduce((q, r) => q + r.quantity!, 0n)).toBe(-435_000_000n);
  });

  it('lowers each day by its part of the refunds', async () => {
    const { records } = await readFocusExport(
      csv(),
      {},
      {
        from: '2025-03-09',
        to: '2025-03-10',
      },
    );
    expect(billedByDay(records)).toEqual({
      '2025-03-09': sumOf(['5.00', '-0.10']),
      '2025-03-10': sumOf(['2.50', '-1.25', '-0.10']),
    });
    expect(
      records.filter(r => r.day === '2025-03-10').map(r => r.listCostMicros),
    ).toEqual([2_500_000n, -1_250_000n, -100_000n]);
  });

  it('keeps a day whose refunds exceed its usage, below zero', async () => {
    const { records } = await readFocusExport(
      csv(),
      {},
      {
        from: '2025-03-20',
        to: '2025-03-20',
      },
    );
    expect(billedByDay(records)).toEqual({ '2025-03-20': sumOf(['-0.10']) });
  });
});
