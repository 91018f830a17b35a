import { TrafficTokenType } from './dayPlan';

type Tokens = Record<TrafficTokenType, number>;

/** The path of a provider's chat API. */
export function vendorPath(provider: string): string {
  return provider === 'Anthropic' ? '/v1/messages' : '/v1/chat/completions';
}

/**
 * A provider's answer to a chat call that used `tokens`, in the shape its API
 * documents: OpenAI's chat completion (prompt tokens include cached ones) or
 * Anthropic's message (input tokens exclude cache reads and writes).
 */
export function vendorAnswer(
  provider: string,
  model: string,
  tokens: Tokens,
  id: string,
): object {
  if (provider === 'Anthropic') {
    return {
      id: `msg_${id}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: 'Done.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: tokens.input,
        cache_creation_input_tokens: tokens.cache_creation,
        cache_read_input_tokens: tokens.cache_read,
        output_tokens: tokens.output,
      },
    };
  }
  const prompt = tokens.input + tokens.cache_read + tokens.cache_creation;
  return {
    id: `chatcmpl-${id}`,
    object: 'chat.completion',
    created: 0,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'Done.', refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: tokens.output,
      total_tokens: prompt + tokens.output,
      prompt_tokens_details: { cached_tokens: tokens.cache_read },
    },
  };
}

/** The tokens by type that a provider's chat answer reports. */
export function readVendorUsage(provider: string, body: any): Tokens {
  const usage = body?.usage ?? {};
  if (provider === 'Anthropic') {
    return {
      input: usage.input_tokens ?? 0,
      output: usage.output_tokens ?? 0,
      cache_read: usage.cache_read_input_tokens ?? 0,
      cache_creation: usage.cache_creation_input_tokens ?? 0,
    };
  }
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    input: (usage.prompt_tokens ?? 0) - cached,
    output: usage.completion_tokens ?? 0,
    cache_read: cached,
    cache_creation: 0,
  };
}
