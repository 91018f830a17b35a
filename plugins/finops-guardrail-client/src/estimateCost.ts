import { formatMicros, parseMicros } from '@tollgate/plugin-finops-common';
import { ModelPrices } from './TollgateClient';

/** Characters per token in the estimate of a prompt: a common rule of thumb. */
const CHARACTERS_PER_TOKEN = 4;
/** Tokens each message adds for its role and framing. */
const TOKENS_PER_MESSAGE = 4;

/**
 * Tokens a prompt of the given messages is estimated to take: its text's length over
 * four, and a few for each message. An estimate for a reservation, which the commit of
 * the actual usage settles.
 *
 * @public
 */
export function estimatePromptTokens(messages: unknown[]): number {
  let characters = 0;
  for (const message of messages) {
    const content = (message as { content?: unknown })?.content;
    characters +=
      typeof content === 'string'
        ? content.length
        : JSON.stringify(content ?? '').length;
  }
  return (
    Math.ceil(characters / CHARACTERS_PER_TOKEN) +
    TOKENS_PER_MESSAGE * messages.length
  );
}

/**
 * The most a call may cost: its prompt at the input price and its maximum output at
 * the output price, rounded up to a micro-unit, as a decimal string.
 *
 * @public
 */
export function estimateCost(
  prices: ModelPrices,
  tokens: { input: number; maxOutput: number },
): string {
  const perMillion = (type: 'input' | 'output') =>
    parseMicros(prices.perMillionTokens[type] ?? '0') ?? 0n;
  const numerator =
    BigInt(tokens.input) * perMillion('input') +
    BigInt(tokens.maxOutput) * perMillion('output');
  return formatMicros((numerator + 999_999n) / 1_000_000n);
}
