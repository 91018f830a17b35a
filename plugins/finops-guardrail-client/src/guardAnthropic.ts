import type Anthropic from '@anthropic-ai/sdk';
import { GuardOptions, guardCall } from './guardCall';
import { estimatePromptTokens } from './estimateCost';
import { GuardrailUsage } from './TollgateClient';

/**
 * An Anthropic client's messages behind Tollgate's guardrail, as guardOpenAI does for
 * OpenAI: reserve the prompt and `max_tokens` of output, commit the response's usage
 * (cache reads and cache writes included), release when the call fails.
 *
 * @public
 */
export function guardAnthropic(anthropic: Anthropic, options: GuardOptions) {
  return {
    messages: {
      create: (
        params: Anthropic.MessageCreateParamsNonStreaming,
      ): Promise<Anthropic.Message> =>
        guardCall(options, {
          provider: 'anthropic',
          model: params.model,
          promptTokens: estimatePromptTokens([
            ...(params.system ? [{ content: params.system }] : []),
            ...params.messages,
          ]),
          maxOutputTokens: params.max_tokens,
          call: () => anthropic.messages.create(params),
          usage: response => anthropicUsage(params.model, response),
        }),
    },
  };
}

/** What an Anthropic response used: its input tokens exclude the cached ones. @public */
export function anthropicUsage(
  model: string,
  response: Anthropic.Message,
): GuardrailUsage {
  const usage = response.usage;
  return {
    provider: 'anthropic',
    model: response.model ?? model,
    tokens: {
      input: usage?.input_tokens ?? 0,
      cacheRead: usage?.cache_read_input_tokens ?? 0,
      cacheWrite: usage?.cache_creation_input_tokens ?? 0,
      output: usage?.output_tokens ?? 0,
    },
  };
}
