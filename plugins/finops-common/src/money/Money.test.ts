import {
  costOf,
  formatCents,
  formatMicros,
  formatQuantity,
  MAX_SCALED_UNITS,
  parseMicros,
  parseQuantity,
  parseUnitPrice,
  sumMicros,
} from './Money';
import {
  divideRounded,
  parseScaledDecimal,
  parseShortDecimal,
} from './Decimal';

describe('parseScaledDecimal', () => {
  it.each([
    ['12.34', 2, 1234n],
    ['-0.5', 3, -500n],
    ['7', 0, 7n],
    ['1.50000', 1, 15n],
    ['2.5e-7', 12, 250000n],
    ['1E3', 0, 1000n],
    [' 3.10 ', 2, 310n],
  ])('parses %s at scale %d', (text, scale, expected) => {
    expect(parseScaledDecimal(text, scale)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3', '1,000', 'NaN', '--1', '0x10'])(
    'rejects %j',
    text => {
      expect(parseScaledDecimal(text, 6)).toBeUndefined();
    },
  );

  it('rejects more fraction digits than the scale keeps', () => {
    expect(parseScaledDecimal('0.123', 2)).toBeUndefined();
  });
});

describe('parseShortDecimal', () => {
  it.each([
    ['0.012345', 6, 12345n],
    ['-12.5', 6, -12500000n],
    ['+3', 6, 3000000n],
    ['999999999.999999', 6, 999999999999999n],
    ['-0', 6, 0n],
  ])('parses %s at scale %d exactly', (text, scale, expected) => {
    expect(parseShortDecimal(text, scale)).toBe(expected);
  });

  it.each([
    '',
    '-',
    '.5',
    '1.',
    ' 1',
    '1e3',
    '1.1234567',
    '1000000000.5',
    '1,5',
    '0x10',
  ])('leaves %j to the general parser', text => {
    expect(parseShortDecimal(text, 6)).toBeUndefined();
  });

  it('agrees with the general parser on every value it takes', () => {
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(Math.random() * 15);
      const digits = String(Math.floor(Math.random() * 10 ** length)).padStart(
        length,
        '0',
      );
      const point = Math.floor(Math.random() * Math.min(length, 8));
      const text = `${i % 2 ? '-' : ''}${digits.slice(0, length - point)}${
        point ? `.${digits.slice(length - point)}` : ''
      }`;
      expect([undefined, parseScaledDecimal(text, 6)]).toContain(
        parseShortDecimal(text, 6),
      );
      const exact = divideRounded(parseScaledDecimal(text, 18)!, 10n ** 12n);
      const bounded = exact <= MAX_SCALED_UNITS && exact >= -MAX_SCALED_UNITS;
      expect(parseMicros(text)).toBe(bounded ? exact : undefined);
    }
  });
});

describe('divideRounded', () => {
  it('rounds half to even', () => {
    expect(divideRounded(5n, 2n)).toBe(2n);
    expect(divideRounded(7n, 2n)).toBe(4n);
    expect(divideRounded(-5n, 2n)).toBe(-2n);
    expect(divideRounded(-7n, 2n)).toBe(-4n);
    expect(divideRounded(10n, 3n)).toBe(3n);
    expect(divideRounded(11n, 3n)).toBe(4n);
  });

  it('refuses division by zero', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe('money', () => {
  it('parses and formats amounts exactly', () => {
    expect(parseMicros('0.1')).toBe(100000n);
    expect(parseMicros(0.1)).toBe(100000n);
    expect(parseMicros('1234567.891234')).toBe(1234567891234n);
    expect(formatMicros(100000n)).toBe('0.10');
    expect(formatMicros(-1234567891234n)).toBe('-1234567.891234');
    expect(formatMicros(0n)).toBe('0.00');
  });

  it('formats amounts for people in cents, rounded half to even', () => {
    expect(formatCents(1223367458n)).toBe('1223.37');
    expect(formatCents(5000n)).toBe('0.00');
    expect(formatCents(15000n)).toBe('0.02');
    expect(formatCents(-1234567n)).toBe('-1.23');
    expect(formatCents(100000000n)).toBe('100.00');
  });

  it('rounds sub-micro amounts half to even', () => {
    expect(parseMicros('0.0000005')).toBe(0n);
    expect(parseMicros('0.0000015')).toBe(2n);
    expect(parseMicros('0.00000151')).toBe(2n);
  });

  it('rejects non-numbers', () => {
    expect(parseMicros('ten')).toBeUndefined();
    expect(parseMicros(Number.NaN)).toBeUndefined();
    expect(parseMicros(Infinity)).toBeUndefined();
  });

  it('adds ten cents ten times to exactly one', () => {
    const dime = parseMicros('0.1')!;
    expect(formatMicros(sumMicros(Array(10).fill(dime)))).toBe('1.00');
  });

  it('prices tokens exactly', () => {
    // 1,234,567 tokens at 2.50 USD per million tokens
    const perToken = parseUnitPrice('0.0000025')!;
    expect(formatMicros(costOf(parseQuantity('1234567')!, perToken))).toBe(
      '3.086418',
    );
    // a per-token price written in exponent form, as price maps have them
    expect(parseUnitPrice(7.5e-8)).toBe(75000n);
  });

  it('formats quantities', () => {
    expect(formatQuantity(parseQuantity('1500')!)).toBe('1500');
    expect(formatQuantity(parseQuantity('0.25')!)).toBe('0.25');
  });
});
