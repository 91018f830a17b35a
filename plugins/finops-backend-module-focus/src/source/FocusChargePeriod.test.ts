import { FocusChargePeriod } from './FocusChargePeriod';
import { parseFocusTime } from './parseFocusDay';

function period(
  start: string,
  end: string,
  oneTime = false,
): FocusChargePeriod {
  const read = FocusChargePeriod.read(
    { start, end, oneTime },
    parseFocusTime,
    JSON.stringify,
  );
  if (!(read instanceof FocusChargePeriod)) {
    throw new Error(read.reason);
  }
  return read;
}

const ALL = { from: '2000-01-01', to: '2099-12-31' };

/** Each day's part of an amount, over the whole period. */
function parts(p: FocusChargePeriod, amount: bigint): Record<string, bigint> {
  return Object.fromEntries(
    p.daysWithin(ALL).map(d => [d, p.share(amount, d)]),
  );
}

function sum(values: Record<string, bigint>): bigint {
  return Object.values(values).reduce((a, b) => a + b, 0n);
}

describe('FocusChargePeriod', () => {
  it('puts an hour, or a day, on its UTC day', () => {
    const hour = period('2025-01-31 23:00:00', '2025-02-01 00:00:00');
    expect(parts(hour, 7n)).toEqual({ '2025-01-31': 7n });
    const day = period('2025-01-31T00:00:00Z', '2025-02-01T00:00:00Z');
    expect(parts(day, 7n)).toEqual({ '2025-01-31': 7n });
  });

  it('spreads a month evenly over its days, the parts adding up exactly', () => {
    const january = period('2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z');
    const split = parts(january, 1_000_000n);
    expect(Object.keys(split)).toHaveLength(31);
    expect(sum(split)).toBe(1_000_000n);
    for (const part of Object.values(split)) {
      // 1,000,000 / 31 = 32,258.06…
      expect(part === 32_258n || part === 32_259n).toBe(true);
    }
    const refund = parts(january, -1_000_000n);
    expect(sum(refund)).toBe(-1_000_000n);
    expect(Object.values(refund)).toEqual(
      Object.values(split).map(part => -part),
    );
  });

  it('gives a day of a period that starts or ends within it its share of time', () => {
    // 12:00 on the 1st to 12:00 on the 3rd: a quarter, a half, a quarter
    const p = period('2025-03-01T12:00:00Z', '2025-03-03T12:00:00Z');
    expect(parts(p, 400n)).toEqual({
      '2025-03-01': 100n,
      '2025-03-02': 200n,
      '2025-03-03': 100n,
    });
    // in local time that is UTC 22:00 on the 1st to 04:00 on the 2nd
    const zoned = period(
      '2025-03-02T00:00:00+02:00',
      '2025-03-02T06:00:00+02:00',
    );
    expect(parts(zoned, 600n)).toEqual({
      '2025-03-01': 200n,
      '2025-03-02': 400n,
    });
  });

  it('puts a one-time charge, and a row without an end, whole on its start day', () => {
    const purchase = period('4/1/25', '4/1/26', true);
    expect(parts(purchase, 200_000n)).toEqual({ '2025-04-01': 200_000n });
    expect(parts(period('2025-04-01', ''), 5n)).toEqual({ '2025-04-01': 5n });
    expect(parts(period('2025-04-01', '2025-04-01'), 5n)).toEqual({
      '2025-04-01': 5n,
    });
  });

  it('names the days of a window that have a part', () => {
    const january = period('2025-01-01', '2025-02-01');
    expect(
      january.daysWithin({ from: '2025-01-30', to: '2025-02-03' }),
    ).toEqual(['2025-01-30', '2025-01-31']);
    expect(
      january.daysWithin({ from: '2025-02-01', to: '2025-02-03' }),
    ).toEqual([]);
    expect(january.share(31n, '2025-02-01')).toBe(0n);
  });

  it('counts each day once over windows that divide the period', () => {
    const p = period('2025-01-01 06:00:00', '2025-01-29 18:00:00');
    let total = 0n;
    for (const window of [
      { from: '2025-01-01', to: '2025-01-09' },
      { from: '2025-01-10', to: '2025-01-10' },
      { from: '2025-01-11', to: '2025-02-28' },
    ]) {
      for (const day of p.daysWithin(window)) {
        total += p.share(123_456_789n, day);
      }
    }
    expect(total).toBe(123_456_789n);
  });

  it('tells a one-time charge by its category or frequency', () => {
    expect(FocusChargePeriod.isOneTime('Purchase', 'Recurring')).toBe(true);
    expect(FocusChargePeriod.isOneTime('Credit', 'One-Time')).toBe(true);
    expect(FocusChargePeriod.isOneTime('Usage', 'Usage-Based')).toBe(false);
    expect(FocusChargePeriod.isOneTime('Tax', '')).toBe(false);
  });

  it.each([
    [['', ''], 'ChargePeriodStart is empty'],
    [['soon', ''], 'ChargePeriodStart "soon" is not a date'],
    [
      ['2025-01-01', '2025-13-01'],
      'ChargePeriodEnd "2025-13-01" is not a date',
    ],
    [
      ['2025-01-02', '2025-01-01'],
      'ChargePeriodEnd "2025-01-01" is before ChargePeriodStart "2025-01-02"',
    ],
  ])('answers why %j is no period', ([start, end], reason) => {
    expect(
      FocusChargePeriod.read(
        { start, end, oneTime: false },
        parseFocusTime,
        JSON.stringify,
      ),
    ).toEqual({ reason });
  });
});
