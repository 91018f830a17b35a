import fc from 'fast-check';
import {
  MAX_SCALED_UNITS,
  formatMicros,
  parseMicros,
  parseQuantity,
  parseUnitPrice,
} from './Money';
import { isCurrencyCode } from './currency';
import { DECIMAL_LIMITS, parseScaledDecimal } from './Decimal';

/** Milliseconds one call may take at most, however hostile its text. */
const BOUND_MS = 50;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Text that looks like numbers more often than not, and anything else too. */
const decimalLike = fc.oneof(
  fc.string(),
  fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      fc.stringMatching(/^\d{1,40}$/),
      fc.option(fc.stringMatching(/^\d{0,40}$/)),
      fc.option(fc.integer({ min: -10_000_000, max: 10_000_000 })),
    )
    .map(
      ([sign, whole, fraction, exponent]) =>
        `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${
          exponent === null ? '' : `e${exponent}`
        }`,
    ),
);

describe.each([
  ['parseMicros', parseMicros],
  ['parseQuantity', parseQuantity],
  ['parseUnitPrice', parseUnitPrice],
])('%s', (_, parse) => {
  it('answers any text quickly, with a bounded value or undefined, never throwing', () => {
    fc.assert(
      fc.property(decimalLike, text => {
        const { value, ms } = timed(() => parse(text));
        expect(ms).toBeLessThan(BOUND_MS);
        expect(
          value === undefined ||
            (value <= MAX_SCALED_UNITS && value >= -MAX_SCALED_UNITS),
        ).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses exponents past the limit at once', () => {
    for (const text of ['1e-9999999', '1e9999999', '0.1e-100000', '5E+400']) {
      const { value, ms } = timed(() => parse(text));
      expect(value).toBeUndefined();
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });

  it('refuses text longer than the limit, and amounts past 2^63 units', () => {
    expect(parse('1'.repeat(DECIMAL_LIMITS.maxLength + 1))).toBeUndefined();
    expect(parse('9'.repeat(30))).toBeUndefined();
    expect(parse(`-${'9'.repeat(30)}`)).toBeUndefined();
  });
});

describe('parseMicros', () => {
  it('keeps every digit of 14 integer digits and 6 decimals it can store', () => {
    expect(formatMicros(parseMicros('8999999999999.123456')!)).toBe(
      '8999999999999.123456',
    );
    expect(parseMicros('9000000000000.000001')).toBeUndefined();
  });

  it('reads back what it formats, for any amount it accepts', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -MAX_SCALED_UNITS, max: MAX_SCALED_UNITS }),
        micros => {
          expect(parseMicros(formatMicros(micros))).toBe(micros);
        },
      ),
    );
  });
});

describe('parseScaledDecimal', () => {
  it('refuses an exponent past the limit without expanding it', () => {
    const { value, ms } = timed(() => parseScaledDecimal('1e-50000000', 6));
    expect(value).toBeUndefined();
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parseScaledDecimal('1e-60', 60)).toBe(1n);
    expect(parseScaledDecimal('1e-61', 61)).toBeUndefined();
  });
});

describe('isCurrencyCode', () => {
  it('knows ISO 4217 codes and nothing else', () => {
    expect(['USD', 'EUR', 'JPY', 'CHF'].every(isCurrencyCode)).toBe(true);
    expect(
      ['ABC', 'QQQ', 'usd', 'US', 'USDT', '', 42].some(isCurrencyCode),
    ).toBe(false);
  });
});
