import { parseLineItem } from './parseLineItem';

describe('parseLineItem', () => {
  it.each([
    ['gpt-4o-2024-08-06, input', 'gpt-4o-2024-08-06', 'input'],
    [
      'gpt-4o-mini-2024-07-18, cached input',
      'gpt-4o-mini-2024-07-18',
      'cache-read',
    ],
    ['gpt-4.1-2025-04-14, output', 'gpt-4.1-2025-04-14', 'output'],
    ['priority | gpt-5.5, output, long context', 'gpt-5.5', 'output'],
    [
      'gpt-audio-mini-2025-12-15 audio, input',
      'gpt-audio-mini-2025-12-15',
      'input',
    ],
    ['gpt-5, cache writes', 'gpt-5', 'cache-write'],
    ['ft:gpt-4o-mini:acme::abc, Input', 'ft:gpt-4o-mini:acme::abc', 'input'],
  ])('reads %j', (lineItem, model, tokenType) => {
    expect(parseLineItem(lineItem)).toEqual({ model, tokenType });
  });

  it('keeps the model of a charge that is not tokens', () => {
    expect(parseLineItem('whisper-1, audio')).toEqual({ model: 'whisper-1' });
  });

  it.each(['web search tool calls', 'Vector storage', '', undefined])(
    'names nothing in %j',
    lineItem => {
      expect(parseLineItem(lineItem)).toEqual({});
    },
  );
});
