import {
  CostRecord,
  MAX_SCALED_UNITS,
  QUANTITY_SCALE,
  TokenType,
} from '@tollgate/plugin-finops-common';
import {
  MalformedResultError,
  OPENAI_USAGE_CURRENCY,
  openAiRecord,
  optionalText,
  resultTags,
} from './openAiRecords';

const PER_TOKEN = 10n ** BigInt(QUANTITY_SCALE);
/** The most tokens one record's quantity holds. */
const MAX_TOKENS = MAX_SCALED_UNITS / PER_TOKEN;

/**
 * A whole token count (numbers arrive as their text), at most what a record holds;
 * absent and null are 0.
 */
function tokenCount(result: Record<string, unknown>, field: string): bigint {
  const value = result[field];
  if (value === undefined || value === null) {
    return 0n;
  }
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw new MalformedResultError(
      `${field} is ${JSON.stringify(value)}, expected a whole number of tokens`,
    );
  }
  const tokens = BigInt(value);
  if (tokens > MAX_TOKENS) {
    throw new MalformedResultError(
      `${field} is ${value}, more tokens than a record holds (${MAX_TOKENS})`,
    );
  }
  return tokens;
}

function tokenRecords(
  day: string,
  report: string,
  result: Record<string, unknown>,
  counts: Array<[TokenType, bigint]>,
): CostRecord[] {
  const model = optionalText(result, 'model');
  const tags = resultTags(report, result);
  return counts
    .filter(([, tokens]) => tokens > 0n)
    .map(([tokenType, tokens]) =>
      openAiRecord({
        day,
        model,
        dimensionKind: 'tokenType',
        dimension: tokenType,
        quantity: tokens * PER_TOKEN,
        unit: 'tokens',
        billedCostMicros: 0n,
        currency: OPENAI_USAGE_CURRENCY,
        tags,
      }),
    );
}

/**
 * The token records of one completions usage result: quantities by token type, with
 * no money (the costs report carries it). OpenAI's `input_tokens` includes the cached
 * and cache-write tokens, so the uncached input is what remains of it.
 */
export function completionsRecords(
  day: string,
  result: Record<string, unknown>,
): CostRecord[] {
  const input = tokenCount(result, 'input_tokens');
  const cacheRead = tokenCount(result, 'input_cached_tokens');
  const cacheWrite = tokenCount(result, 'input_cache_write_tokens');
  const uncached = input - cacheRead - cacheWrite;
  if (uncached < 0n) {
    throw new MalformedResultError(
      `input_tokens ${input} is less than input_cached_tokens ${cacheRead} plus input_cache_write_tokens ${cacheWrite}, which it includes`,
    );
  }
  return tokenRecords(day, 'completions', result, [
    ['input', uncached],
    ['cache-read', cacheRead],
    ['cache-write', cacheWrite],
    ['output', tokenCount(result, 'output_tokens')],
  ]);
}

/** The token record of one embeddings usage result: its input tokens, no money. */
export function embeddingsRecords(
  day: string,
  result: Record<string, unknown>,
): CostRecord[] {
  return tokenRecords(day, 'embeddings', result, [
    ['input', tokenCount(result, 'input_tokens')],
  ]);
}
