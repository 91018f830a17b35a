import { centsToMicros, costRecord } from './costRecords';

const DAY = '2025-08-01';

describe('centsToMicros', () => {
  it.each([
    ['123.45', 1_234_500n],
    ['123.78912', 1_237_891n],
    ['0.00005', 0n],
    ['0.00015', 2n],
    ['-250', -2_500_000n],
    ['0', 0n],
    ['1000000', 10_000_000_000n],
  ])('reads %s cents', (cents, micros) => {
    expect(centsToMicros(cents)).toBe(micros);
  });

  it.each(['', '1e3', '12,5', ' 1', 'NaN', undefined, 5])(
    'refuses %j',
    cents => {
      expect(centsToMicros(cents)).toBeUndefined();
    },
  );
});

describe('costRecord', () => {
  it('keeps a cost without a description grouping as one line', () => {
    expect(
      costRecord(DAY, { amount: '42', currency: 'USD', workspace_id: null }),
    ).toEqual({
      day: DAY,
      provider: 'anthropic',
      service: 'Anthropic API',
      model: undefined,
      dimensionKind: 'usage',
      dimension: 'cost',
      billedCostMicros: 420_000n,
      currency: 'USD',
      tags: { 'anthropic.report': 'cost' },
    });
  });

  it('keeps a token cost of an unknown token type as a usage line', () => {
    const record = costRecord(DAY, {
      amount: '1',
      currency: 'USD',
      cost_type: 'tokens',
      token_type: 'audio_input_tokens',
      model: 'claude-x',
    });
    expect([record.dimensionKind, record.dimension, record.model]).toEqual([
      'usage',
      'tokens',
      'claude-x',
    ]);
  });

  it('refuses a currency that is not a code', () => {
    expect(() => costRecord(DAY, { amount: '1', currency: 'dollars' })).toThrow(
      'currency is "dollars", expected a currency code such as USD',
    );
  });
});
