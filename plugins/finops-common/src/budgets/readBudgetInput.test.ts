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
      'amount "-5" is not a positive decimal such as "100.00" (at most 6 decimals)',
      'currency "usd" is not a three-letter upper-case code such as "USD"',
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
});
