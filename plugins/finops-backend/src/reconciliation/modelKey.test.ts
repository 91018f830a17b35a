import { modelKey, NO_MODEL } from './modelKey';

describe('modelKey', () => {
  it.each([
    ['gpt-4o', 'gpt-4o'],
    ['GPT-4o', 'gpt-4o'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['openai/gpt-4o-mini', 'gpt-4o-mini'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-3-5-sonnet@20241022', 'claude-3-5-sonnet'],
    [' o3 ', 'o3'],
    ['gpt-4.1-nano', 'gpt-4.1-nano'],
  ])('compares %j as %j', (model, key) => {
    expect(modelKey(model)).toBe(key);
  });

  it.each([null, undefined, '', '  ', 'openai/'])(
    'names a missing model %j alike',
    model => {
      expect(modelKey(model)).toBe(NO_MODEL);
    },
  );
});
