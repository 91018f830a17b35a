import {
  billedByDay,
  billedTotal,
  focusCsv,
  readFocusExport,
  sumOf,
} from './readFocusExport';

const COLUMNS = [
  'BilledCost',
  'EffectiveCost',
  'BillingCurrency',
  'ChargeCategory',
  'ChargeFrequency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeDescription',
  'ProviderName',
  'ServiceName',
  'SkuId',
];

/** A month's invoice lines besides usage, as providers write them. */
const ROWS: Array<{
  category: string;
  frequency: string;
  cost: string;
  start: string;
  end: string;
  what: string;
}> = [
  {
    category: 'Usage',
    frequency: 'Usage-Based',
    cost: '100.00',
    start: '2025-03-15',
    end: '2025-03-16',
    what: 'Model usage',
  },
  {
    category: 'Credit',
    frequency: 'One-Time',
    cost: '-20.00',
    start: '2025-03-01',
    end: '2025-04-01',
    what: 'Promotional credit',
  },
  {
    category: 'Credit',
    frequency: '',
    cost: '-0.50',
    start: '2025-03-15',
    end: '2025-03-16',
    what: 'Service level credit',
  },
  {
    category: 'Adjustment',
    frequency: 'One-Time',
    cost: '3.333333',
    start: '2025-03-15T00:00:00Z',
    end: '2025-03-15T00:00:00Z',
    what: 'Billing correction',
  },
  {
    category: 'Adjustment',
    frequency: 'One-Time',
    cost: '-0.000001',
    start: '2025-03-31',
    end: '2025-04-01',
    what: 'Rounding adjustment',
  },
  {
    category: 'Tax',
    frequency: 'Recurring',
    cost: '31.00',
    start: '2025-03-01',
    end: '2025-04-01',
    what: 'Sales tax',
  },
];

function csv(): string {
  return focusCsv(
    COLUMNS,
    ROWS.map(row => ({
      BilledCost: row.cost,
      EffectiveCost: row.cost,
      BillingCurrency: 'USD',
      ChargeCategory: row.category,
      ChargeFrequency: row.frequency,
      ChargePeriodStart: row.start,
      ChargePeriodEnd: row.end,
      ChargeDescription: row.what,
      ProviderName: 'Solora AI',
      ServiceName: 'Solora API',
    })),
  );
}

describe('a FOCUS export with credits and adjustments', () => {
  it('counts every credit and adjustment, negative or not', async () => {
    const { records, logged } = await readFocusExport(csv());
    expect(billedTotal(records)).toBe(sumOf(ROWS.map(r => r.cost)));
    for (const row of ROWS) {
      const lines = records.filter(r => r.dimension === row.what);
      expect([
        row.what,
        lines.reduce((t, r) => t + r.billedCostMicros, 0n),
      ]).toEqual([row.what, sumOf([row.cost])]);
    }
    expect(logged.info).toEqual([
      expect.stringContaining(`read ${ROWS.length} rows`),
    ]);
  });

  it('puts one-time credits and adjustments on their day, and spreads a monthly tax', async () => {
    const { records } = await readFocusExport(
      csv(),
      {},
      {
        from: '2025-03-01',
        to: '2025-03-15',
      },
    );
    // the monthly tax is a 31st, 1.00, on each day
    expect(billedByDay(records)).toEqual({
      '2025-03-01': sumOf(['-20.00', '1.00']),
      ...Object.fromEntries(
        Array.from({ length: 13 }, (_, i) => [
          `2025-03-${String(i + 2).padStart(2, '0')}`,
          sumOf(['1.00']),
        ]),
      ),
      '2025-03-15': sumOf(['100.00', '-0.50', '3.333333', '1.00']),
    });
    const credit = records.find(r => r.dimension === 'Promotional credit');
    expect(credit).toMatchObject({
      day: '2025-03-01',
      dimensionKind: 'usage',
      billedCostMicros: -20_000_000n,
    });
  });

  it('keeps the last day of the month with its adjustment', async () => {
    const { records } = await readFocusExport(
      csv(),
      {},
      {
        from: '2025-03-31',
        to: '2025-04-30',
      },
    );
    expect(billedByDay(records)).toEqual({
      '2025-03-31': sumOf(['1.00', '-0.000001']),
    });
  });
});
