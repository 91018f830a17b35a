import fc from 'fast-check';
import { isDay } from '../dates';
import {
  parseBillingGranularity,
  parseBudget,
  parseEnforcement,
  parseLabelValue,
  parseLatencySlo,
  parseOperationBilling,
  parsePrice,
  parseSpendRateLimit,
  parseThresholds,
} from './parsers';

/** Milliseconds one call may take at most, however hostile its value. */
const BOUND_MS = 50;

/** Values an annotation, a config key or a JSON body can hold, long ones included. */
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ minLength: 1000, maxLength: 20_000 }),
  fc
    .tuple(
      fc.stringMatching(/^[0-9][0-9,]{0,30}(\.[0-9]{0,30})?$/),
      fc.constantFrom('USD', 'EUR', 'usd', 'ABC', ''),
      fc.constantFrom('/month', '/quarter', '/week', '/call', '/1k tokens', ''),
    )
    .map(([amount, currency, per]) => `${amount} ${currency}${per}`),
  fc.anything(),
  fc.array(fc.anything(), { maxLength: 50 }),
  fc.constant(JSON.parse('{"toString":false}')),
);

describe.each([
  ['parseLabelValue', parseLabelValue],
  ['parseBudget', parseBudget],
  ['parseThresholds', parseThresholds],
  ['parseEnforcement', parseEnforcement],
  ['parseLatencySlo', parseLatencySlo],
  ['parseBillingGranularity', parseBillingGranularity],
  ['parseOperationBilling', parseOperationBilling],
  ['parsePrice', parsePrice],
  ['parseSpendRateLimit', parseSpendRateLimit],
] as const)('%s', (_, parse) => {
  it('answers any value quickly with a value or an error naming the field, never throwing', () => {
    fc.assert(
      fc.property(anyValue, value => {
        const started = performance.now();
        const result = (parse as (n: string, v: unknown) => any)(
          'the-field',
          value,
        );
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
        expect(
          result.ok ||
            (result.error.startsWith('the-field has invalid value') &&
              result.error.length < 1000),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isDay', () => {
  it('takes exactly the real days from 1970 to 2999', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        date => {
          const day = date.toISOString().slice(0, 10);
          expect(isDay(day)).toBe(day >= '1970-01-01' && day <= '2999-12-31');
        },
      ),
    );
    expect(
      [
        '2027-02-29',
        '2028-02-30',
        '2027-13-01',
        '+010000-01-01',
        20270101,
      ].some(isDay),
    ).toBe(false);
  });
});
