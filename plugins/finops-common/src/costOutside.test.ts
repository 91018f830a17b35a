import { COST_OUTSIDE_KEYS, NO_MODEL_KEY, costOutsideOf } from './costOutside';

describe('costOutsideOf', () => {
  it('names the spend outside a dimension by what it is', () => {
    expect(costOutsideOf(COST_OUTSIDE_KEYS.kubernetes)).toBe('kubernetes');
    expect(costOutsideOf('(API calls)')).toBe('apiCalls');
    expect(costOutsideOf('(AI models)')).toBe('modelTokens');
    expect(costOutsideOf('(other services)')).toBe('otherServices');
    expect(costOutsideOf(NO_MODEL_KEY)).toBe('unnamed');
    expect(costOutsideOf('(no agent)')).toBe('unnamed');
    expect(costOutsideOf('(no session)')).toBe('unnamed');
  });

  it('leaves the dimension’s values as values', () => {
    for (const key of [
      'gpt-4o',
      'input',
      'createMessage',
      'cpu',
      'kubernetes',
    ]) {
      expect(costOutsideOf(key)).toBeUndefined();
    }
  });
});
