import { addDays, CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import {
  billedByDay,
  billedTotal,
  focusCsv,
  micros,
  readFocusExport,
  sumOf,
} from './readFocusExport';

const COLUMNS = [
  'BilledCost',
  'BillingCurrency',
  'ChargeCategory',
  'ChargeFrequency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeDescription',
  'ConsumedQuantity',
  'ServiceProviderName',
];

interface Row {
  cost: string;
  start: string;
  end: string;
  what: string;
  category?: string;
  frequency?: string;
}

const hour = (h: number) => `2025-06-10 ${String(h).padStart(2, '0')}:00:00`;

/** Hourly rows of one day, month-long rows, and a yearly purchase. */
const ROWS: Row[] = [
  ...Array.from({ length: 24 }, (_, h) => ({
    cost: '0.125',
    start: hour(h),
    end: h === 23 ? '2025-06-11 00:00:00' : hour(h + 1),
    what: 'hourly',
  })),
  // June: 30 days of 1.00
  { cost: '30.00', start: '2025-06-01', end: '2025-07-01', what: 'june' },
  // the 16th of June to the 15th of July: 30 days of 2.00
  {
    cost: '60.00',
    start: '2025-06-16T00:00:00Z',
    end: '2025-07-16T00:00:00Z',
    what: 'mid-month',
  },
  // July: 31 days of 1,000,000 / 31 micro-units, which do not divide evenly
  { cost: '1.00', start: '2025-07-01', end: '2025-08-01', what: 'july' },
  {
    cost: '1200.00',
    start: '2025-06-01',
    end: '2026-06-01',
    what: 'yearly plan',
    category: 'Purchase',
    frequency: 'Recurring',
  },
];

function csv(): string {
  return focusCsv(
    COLUMNS,
    ROWS.map(row => ({
      BilledCost: row.cost,
      BillingCurrency: 'USD',
      ChargeCategory: row.category ?? 'Usage',
      ChargeFrequency: row.frequency ?? 'Usage-Based',
      ChargePeriodStart: row.start,
      ChargePeriodEnd: row.end,
      ChargeDescription: row.what,
      ConsumedQuantity: row.cost,
      ServiceProviderName: 'Acme',
    })),
  );
}

/** The billed cost per day that the rows above put on June's and July's days. */
function expectedByDay(): Record<string, bigint> {
  const expected: Record<string, bigint> = {};
  const add = (day: string, amount: bigint) => {
    expected[day] = (expected[day] ?? 0n) + amount;
  };
  add('2025-06-10', 24n * micros('0.125'));
  for (let day = '2025-06-01'; day <= '2025-06-30'; day = addDays(day, 1)) {
    add(day, micros('1.00'));
  }
  for (let day = '2025-06-16'; day <= '2025-07-15'; day = addDays(day, 1)) {
    add(day, micros('2.00'));
  }
  add('2025-06-01', micros('1200.00'));
  return expected;
}

function june(byDay: Record<string, bigint>): Record<string, bigint> {
  return Object.fromEntries(
    Object.entries(byDay).filter(([day]) => day < '2025-07-01'),
  );
}

function julyRow(records: CostRecord[]): CostRecord[] {
  return records.filter(r => r.dimension === 'july');
}

describe('a FOCUS export with charge periods of an hour and of a month', () => {
  it('puts each hour on its day and spreads each month-long row over its days', async () => {
    const { records } = await readFocusExport(
      csv(),
      {},
      {
        from: '2025-06-01',
        to: '2025-06-30',
      },
    );
    expect(billedByDay(records)).toEqual(june(expectedByDay()));
    expect(records.filter(r => r.dimension === 'hourly')).toHaveLength(24);
    expect(records.filter(r => r.dimension === 'june')).toHaveLength(30);
    // the purchase falls whole on the day its period starts
    expect(records.filter(r => r.dimension === 'yearly plan')).toEqual([
      expect.objectContaining({
        day: '2025-06-01',
        billedCostMicros: micros('1200.00'),
      }),
    ]);
  });

  it('counts every row once, to the micro-unit, over one window a day', async () => {
    const parts: CostRecord[] = [];
    for (let day = '2025-05-30'; day <= '2025-08-02'; day = addDays(day, 1)) {
      const window: DayWindow = { from: day, to: day };
      parts.push(...(await readFocusExport(csv(), {}, window)).records);
    }
    const { records: whole } = await readFocusExport(csv());
    expect(billedByDay(parts)).toEqual(billedByDay(whole));
    expect(billedTotal(parts)).toBe(sumOf(ROWS.map(r => r.cost)));
    // the uneven month: each day a 31st, rounded, and the days add up to the row
    const july = julyRow(parts);
    expect(july).toHaveLength(31);
    expect(
      july.every(
        r => r.billedCostMicros === 32_258n || r.billedCostMicros === 32_259n,
      ),
    ).toBe(true);
    expect(billedTotal(july)).toBe(micros('1.00'));
    expect(july.reduce((q, r) => q + r.quantity!, 0n)).toBe(1_000_000n);
  });

  it('gives a window across two months the days of each row it covers', async () => {
    const { records } = await readFocusExport(
      csv(),
      {},
      {
        from: '2025-06-29',
        to: '2025-07-02',
      },
    );
    const expected = expectedByDay();
    const byDay = billedByDay(records);
    for (const day of ['2025-06-29', '2025-06-30']) {
      expect(byDay[day]).toBe(expected[day]);
    }
    for (const day of ['2025-07-01', '2025-07-02']) {
      const julyPart = julyRow(records).find(r => r.day === day)!;
      expect(byDay[day]).toBe(expected[day] + julyPart.billedCostMicros);
    }
  });
});
