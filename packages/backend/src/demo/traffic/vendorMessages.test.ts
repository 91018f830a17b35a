import { readVendorUsage, vendorAnswer, vendorPath } from './vendorMessages';

const tokens = {
  input: 1200,
  output: 300,
  cache_read: 800,
  cache_creation: 50,
};

describe('vendor messages', () => {
  it("reads back from Anthropic's message the tokens it was answered with", () => {
    const answer = vendorAnswer(
      'Anthropic',
      'claude-sonnet-4-20250514',
      tokens,
      '1',
    );
    expect(answer).toMatchObject({
      type: 'message',
      usage: {
        input_tokens: 1200,
        cache_read_input_tokens: 800,
        cache_creation_input_tokens: 50,
        output_tokens: 300,
      },
    });
    expect(readVendorUsage('Anthropic', answer)).toEqual(tokens);
    expect(vendorPath('Anthropic')).toBe('/v1/messages');
  });

  it("counts cached tokens inside OpenAI's prompt tokens, and reads them apart", () => {
    const openai = { ...tokens, cache_creation: 0 };
    const answer = vendorAnswer('OpenAI', 'gpt-4o', openai, '2');
    expect(answer).toMatchObject({
      object: 'chat.completion',
      usage: {
        prompt_tokens: 2000,
        completion_tokens: 300,
        total_tokens: 2300,
        prompt_tokens_details: { cached_tokens: 800 },
      },
    });
    expect(readVendorUsage('OpenAI', answer)).toEqual(openai);
    expect(vendorPath('OpenAI')).toBe('/v1/chat/completions');
  });
});
