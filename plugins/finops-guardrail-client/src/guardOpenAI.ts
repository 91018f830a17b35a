import type OpenAI from 'openai';
import { GuardOptions, guardCall } from './guardCall';
import { estimatePromptTokens } from './estimateCost';
import { GuardrailUsage } from './TollgateClient';

/**
 * An OpenAI client's chat completions behind Tollgate's guardrail: each call reserves
 * its most expensive outcome (the prompt, estimated, and its maximum output tokens at
 * the price book's prices), commits the response's usage (cached and reasoning tokens
 * included) and releases the reservation when the call fails. A denied reservation
 * throws GuardrailDeniedError and the call is not made. Streaming is not covered.
 *
 * @public
 */
export function guardOpenAI(openai: OpenAI, options: GuardOptions) {
  return {
    chat: {
      completions: {
        create: (
          params: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
        ): Promise<OpenAI.Chat.ChatCompletion> =>
          guardCall(options, {
            provider: 'openai',
            model: params.model,
            promptTokens: estimatePromptTokens(params.messages),
            maxOutputTokens:
              params.max_completion_tokens ?? params.max_tokens ?? undefined,
            call: () => openai.chat.completions.create(params),
            usage: response => openAIUsage(params.model, response),
          }),
      },
    },
  };
}

/** What an OpenAI response used: its prompt tokens include the cached ones. @public */
export function openAIUsage(
  model: string,
  response: OpenAI.Chat.ChatCompletion,
): GuardrailUsage {
  const usage = response.usage;
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens ?? 0;
  return {
    provider: 'openai',
    model: response.model ?? model,
    tokens: {
      input: (usage?.prompt_tokens ?? 0) - cached,
      cacheRead: cached,
      output: (usage?.completion_tokens ?? 0) - reasoning,
      reasoning,
    },
  };
}
