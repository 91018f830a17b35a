import { tokensOf } from './tokenUnits';

describe('tokensOf', () => {
  it.each([
    [undefined, 7n],
    [null, 7n],
    ['', 7n],
    ['tokens', 7n],
    ['Tokens', 7n],
    ['token', 7n],
    ['1000000 Tokens', 7_000_000n],
    ['1M tokens', 7_000_000n],
    ['1 million tokens', 7_000_000n],
    ['Million Tokens', 7_000_000n],
    ['1K Tokens', 7_000n],
    ['1000 tokens', 7_000n],
  ])('reads a quantity in %j', (unit, tokens) => {
    expect(tokensOf(7n, unit)).toBe(tokens);
  });

  it.each(['requests', 'GB-hours', '0 tokens', 'tokens per second'])(
    'knows no tokens in %j',
    unit => {
      expect(tokensOf(7n, unit)).toBeUndefined();
    },
  );
});
