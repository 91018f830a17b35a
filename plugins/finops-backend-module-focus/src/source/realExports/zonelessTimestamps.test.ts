import {
  billedByDay,
  focusCsv,
  readFocusExport,
  sumOf,
} from './readFocusExport';

const COLUMNS = [
  'BilledCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeDescription',
  'ServiceProviderName',
];

/**
 * Hourly rows as warehouses write them (`YYYY-MM-DD HH:MM:SS`, no zone: UTC) beside
 * the usual ISO forms, each with the UTC day it belongs to.
 */
const ROWS: Array<[start: string, end: string, cost: string, day: string]> = [
  ['2025-01-31 00:00:00', '2025-01-31 01:00:00', '1.000001', '2025-01-31'],
  ['2025-01-31 23:00:00', '2025-02-01 00:00:00', '2.000002', '2025-01-31'],
  ['2025-02-01 00:00:00', '2025-02-01 01:00:00', '3.000003', '2025-02-01'],
  ['2025-01-31T22:00:00Z', '2025-01-31T23:00:00Z', '4.000004', '2025-01-31'],
  [
    '2025-01-31T23:00:00.0000000Z',
    '2025-02-01T00:00:00.0000000Z',
    '5.000005',
    '2025-01-31',
  ],
  // 00:30 to 01:00 in UTC+1 is 23:30 to midnight UTC, the day before
  [
    '2025-02-01T00:30:00+01:00',
    '2025-02-01T01:00:00+01:00',
    '6.000006',
    '2025-01-31',
  ],
  [
    '2025-02-01 23:00:00+00',
    '2025-02-02 00:00:00+00',
    '7.000007',
    '2025-02-01',
  ],
  ['2025-02-02', '2025-02-03', '8.000008', '2025-02-02'],
  [
    '2025-02-02 12:00:00 UTC',
    '2025-02-02 13:00:00 UTC',
    '9.000009',
    '2025-02-02',
  ],
];

function csv(): string {
  return focusCsv(
    COLUMNS,
    ROWS.map(([start, end, cost], i) => ({
      BilledCost: cost,
      BillingCurrency: 'USD',
      ChargePeriodStart: start,
      ChargePeriodEnd: end,
      ChargeDescription: `row ${i + 1}`,
      ServiceProviderName: 'Warehouse',
    })),
  );
}

function expectedByDay(window?: {
  from: string;
  to: string;
}): Record<string, bigint> {
  const expected: Record<string, bigint> = {};
  for (const [, , cost, day] of ROWS) {
    if (!window || (day >= window.from && day <= window.to)) {
      expected[day] = (expected[day] ?? 0n) + sumOf([cost]);
    }
  }
  return expected;
}

describe('a FOCUS export with date-times without a zone', () => {
  it('reads them as UTC, beside ISO date-times with zones, each row on its UTC day', async () => {
    const { records } = await readFocusExport(csv());
    expect(records.map(r => [r.dimension, r.day])).toEqual(
      ROWS.map(([, , , day], i) => [`row ${i + 1}`, day]),
    );
    expect(billedByDay(records)).toEqual(expectedByDay());
  });

  it('keeps to the window by UTC day', async () => {
    const window = { from: '2025-02-01', to: '2025-02-01' };
    const { records } = await readFocusExport(csv(), {}, window);
    expect(billedByDay(records)).toEqual(expectedByDay(window));
    expect(billedByDay(records)).toEqual({
      '2025-02-01': sumOf(['3.000003', '7.000007']),
    });
  });

  it('names the line and column of a date-time it cannot read', async () => {
    const text = `${csv()}\r\n1,USD,2025-02-01 25:00:00,,bad,Warehouse\r\n1,USD,2025-02-01,31/01/2025,bad,Warehouse`;
    await expect(readFocusExport(text)).rejects.toThrow(
      /has 2 invalid rows: line 11: ChargePeriodStart "2025-02-01 25:00:00" is not a date; line 12: ChargePeriodEnd "31\/01\/2025" is not a date$/,
    );
  });
});
