import { CostRecord } from '@tollgate/plugin-finops-common';
import fs from 'node:fs';

export function totalsByDay(records: CostRecord[]): Record<string, bigint> {
  const totals: Record<string, bigint> = {};
  for (const record of records) {
    totals[record.day] = (totals[record.day] ?? 0n) + record.billedCostMicros;
  }
  return totals;
}

/** A CSV field splitter for one line, written for these tests only. */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/** Decimal text to micro-units, for amounts with at most six fraction digits. */
function micros(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  if (fraction.length > 6) {
    throw new Error(`too precise for this test: ${text}`);
  }
  const value = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return negative ? -value : value;
}

function dayOf(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(text)) {
    return text.slice(0, 10);
  }
  const [month, day, year] = text.split('/');
  return `20${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** Bounds of the billed cost of each day, and the exact total, of a file. */
interface ExpectedTotals {
  days: Record<string, { low: bigint; high: bigint }>;
  total: bigint;
}

/** The lower and upper micro-unit of a fraction, for amounts of either sign. */
function bounds(amount: bigint, parts: bigint): [bigint, bigint] {
  const whole = amount / parts;
  if (whole * parts === amount) {
    return [whole, whole];
  }
  return amount < 0n ? [whole - 1n, whole] : [whole, whole + 1n];
}

/**
 * Billed cost per day, computed from the raw text of a fixture (whose charge periods
 * are whole days): a purchase or one-time charge on the day its period starts, any
 * other charge an equal part on each day of its period, to within the rounding of
 * that part.
 */
function expectedTotals(file: string): ExpectedTotals {
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(line => line !== '');
  const header = splitLine(lines[0]);
  const column = (fields: string[], name: string) =>
    fields[header.indexOf(name)];
  const expected: ExpectedTotals = { days: {}, total: 0n };
  for (const line of lines.slice(1)) {
    const fields = splitLine(line);
    const amount = micros(column(fields, 'BilledCost'));
    const first = dayOf(column(fields, 'ChargePeriodStart'));
    const oneTime =
      column(fields, 'ChargeCategory') === 'Purchase' ||
      column(fields, 'ChargeFrequency') === 'One-Time';
    const days = oneTime
      ? 1
      : (Date.parse(dayOf(column(fields, 'ChargePeriodEnd'))) -
          Date.parse(first)) /
        DAY_MS;
    const [low, high] = bounds(amount, BigInt(days));
    for (let i = 0; i < days; i++) {
      const day = new Date(Date.parse(first) + i * DAY_MS)
        .toISOString()
        .slice(0, 10);
      const sum = expected.days[day] ?? { low: 0n, high: 0n };
      expected.days[day] = { low: sum.low + low, high: sum.high + high };
    }
    expected.total += amount;
  }
  return expected;
}

/** Checks the records' billed cost per day and in all against a fixture's raw text. */
export function expectTotalsOf(records: CostRecord[], file: string): void {
  const expected = expectedTotals(file);
  const actual = totalsByDay(records);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected.days).sort());
  for (const [day, { low, high }] of Object.entries(expected.days)) {
    expect([day, actual[day] >= low && actual[day] <= high]).toEqual([
      day,
      true,
    ]);
  }
  expect(Object.values(actual).reduce((a, b) => a + b, 0n)).toBe(
    expected.total,
  );
}
