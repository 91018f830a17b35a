import fc from 'fast-check';
import { readBudgetInput } from './readBudgetInput';

describe('readBudgetInput', () => {
  it('reads a full budget and normalizes the entity ref', () => {
    expect(
      readBudgetInput({
        scope: { entityRef: 'Component:default/Summarizer' },
        amount: '100.00',
        currency: 'USD',
        period: 'month',
        thresholds: [50, 80, 100],
        enforcement: 'hard',
      }),
    ).toEqual({
      ok: true,
      value: {
        scope: { entityRef: 'component:default/summarizer' },
        amountMicros: 100_000_000n,
        currency: 'USD',
        period: 'month',
        thresholds: [50, 80, 100],
        enforcement: 'hard',
      },
    });
  });

  it('defaults thresholds and enforcement', () => {
    const result = readBudgetInput({
      scope: { team: 'payments' },
      amount: 2500,
      currency: 'EUR',
      period: 'quarter',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { thresholds: [50, 80, 100], enforcement: 'advisory' },
    });
  });

  it('names every bad field', () => {
    const result = readBudgetInput({
      scope: { costCenter: 'Bad Value!' },
      amount: '-5',
      currency: 'usd',
      period: 'week',
      thresholds: [80, 50],
      enforcement: 'strict',
      owner: 'me',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      expect.stringContaining(
        'scope.costCenter has invalid value "Bad Value!"',
      ),
      'amount "-5" is not a positive decimal such as "100.00" of at most 9000000000000 with at most 6 decimals',
      'currency "usd" is not an ISO 4217 currency code such as "USD"',
      'period "week" is not one of month, quarter, year',
      expect.stringContaining('thresholds has invalid value [80,50]'),
      'enforcement "strict" is not one of advisory, hard',
      'owner is not a budget field; expected scope, amount, currency, period, thresholds, enforcement',
    ]);
  });

  it('refuses a scope with two targets or none, and a body that is not an object', () => {
    expect(
      readBudgetInput({
        scope: { team: 'a', costCenter: 'b' },
        amount: '1',
        currency: 'USD',
        period: 'month',
      }),
    ).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('got the fields ["team","costCenter"]')],
    });
    expect(
      readBudgetInput({ amount: '1', currency: 'USD', period: 'month' }),
    ).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^scope must be one of/)],
    });
    expect(readBudgetInput('budget')).toEqual({
      ok: false,
      errors: ['The request body must be a JSON object'],
    });
  });

  it('keeps 14 integer digits and 6 decimals given as a string, and refuses them as a JSON number', () => {
    const budget = {
      scope: { team: 'payments' },
      currency: 'USD',
      period: 'month',
    };
    expect(
      readBudgetInput({ ...budget, amount: '8999999999999.123456' }),
    ).toMatchObject({
      ok: true,
      value: { amountMicros: 8_999_999_999_999_123_456n },
    });
    expect(
      readBudgetInput({ ...budget, amount: 12345678901234.123456 }),
    ).toEqual({
      ok: false,
      errors: [
        'amount 12345678901234.123 has more digits than a JSON number keeps exactly (15): send it as a string, such as "12345678901234.123"',
      ],
    });
    expect(readBudgetInput({ ...budget, amount: '1e400' })).toMatchObject({
      ok: false,
    });
    // JSON can carry an object whose toString is not a function
    expect(
      readBudgetInput({
        ...budget,
        amount: '10',
        thresholds: JSON.parse('[{"toString":false}]'),
      }),
    ).toEqual({
      ok: false,
      errors: [
        'thresholds has invalid value [{"toString":false}]: expected comma-separated whole percentages from 1 to 1000 in increasing order, such as "50,80,100"',
      ],
    });
    expect(
      readBudgetInput({ ...budget, amount: '10', currency: 'ABC' }),
    ).toEqual({
      ok: false,
      errors: ['currency "ABC" is not an ISO 4217 currency code such as "USD"'],
    });
  });

  it('answers any body with a budget or the problems, never throwing', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            scope: fc.oneof(
              fc.anything(),
              fc.record({ entityRef: fc.string() }),
              fc.record({ team: fc.string() }),
            ),
            amount: fc.oneof(fc.string(), fc.double(), fc.anything()),
            currency: fc.oneof(fc.constantFrom('USD', 'EUR'), fc.string()),
            period: fc.oneof(fc.constantFrom('month', 'year'), fc.anything()),
            thresholds: fc.anything(),
            enforcement: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        body => {
          const result = readBudgetInput(body);
          expect(
            result.ok
              ? result.value.amountMicros > 0n
              : result.errors.length > 0,
          ).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
