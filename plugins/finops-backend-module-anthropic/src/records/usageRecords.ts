import { ANTHROPIC_TAGS } from '@tollgate/plugin-finops-node';
import {
  CostRecord,
  MAX_SCALED_UNITS,
  QUANTITY_SCALE,
} from '@tollgate/plugin-finops-common';
import {
  ANTHROPIC_USAGE_CURRENCY,
  MalformedResultError,
  anthropicRecord,
  optionalText,
  resultTags,
} from './anthropicRecords';
import { ANTHROPIC_TOKEN_TYPES } from './tokenTypes';

const PER_UNIT = 10n ** BigInt(QUANTITY_SCALE);
/** The most tokens (or requests) one record's quantity holds. */
const MAX_COUNT = MAX_SCALED_UNITS / PER_UNIT;

/**
 * A whole count at a dotted path (numbers arrive as their text), at most what a
 * record holds; absent and null are 0.
 */
function count(result: Record<string, unknown>, path: string): bigint {
  const value = path
    .split('.')
    .reduce<unknown>(
      (object, key) =>
        typeof object === 'object' && object !== null
          ? (object as Record<string, unknown>)[key]
          : undefined,
      result,
    );
  if (value === undefined || value === null) {
    return 0n;
  }
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw new MalformedResultError(
      `${path} is ${JSON.stringify(value)}, expected a whole number`,
    );
  }
  const whole = BigInt(value);
  if (whole > MAX_COUNT) {
    throw new MalformedResultError(
      `${path} is ${value}, more than a record holds (${MAX_COUNT})`,
    );
  }
  return whole;
}

/**
 * The records of one messages usage result: tokens by token type (uncached input,
 * cache reads, 5-minute and 1-hour cache writes, output) and web search requests,
 * as quantities with no money (the cost report carries it). Anthropic's uncached
 * input excludes cache reads and writes, so each is recorded as reported.
 */
export function usageRecords(
  day: string,
  result: Record<string, unknown>,
): CostRecord[] {
  const model = optionalText(result, 'model');
  const tags = resultTags('usage', result);
  const records: CostRecord[] = [];
  for (const [field, { tokenType, cacheTtl }] of Object.entries(
    ANTHROPIC_TOKEN_TYPES,
  )) {
    const tokens = count(result, field);
    if (tokens > 0n) {
      records.push(
        anthropicRecord({
          day,
          model,
          dimensionKind: 'tokenType',
          dimension: tokenType,
          quantity: tokens * PER_UNIT,
          unit: 'tokens',
          billedCostMicros: 0n,
          currency: ANTHROPIC_USAGE_CURRENCY,
          tags: cacheTtl
            ? { ...tags, [ANTHROPIC_TAGS.cacheTtl]: cacheTtl }
            : tags,
        }),
      );
    }
  }
  const searches = count(result, 'server_tool_use.web_search_requests');
  if (searches > 0n) {
    records.push(
      anthropicRecord({
        day,
        model,
        dimensionKind: 'usage',
        dimension: 'web_search',
        quantity: searches * PER_UNIT,
        unit: 'requests',
        billedCostMicros: 0n,
        currency: ANTHROPIC_USAGE_CURRENCY,
        tags,
      }),
    );
  }
  return records;
}
