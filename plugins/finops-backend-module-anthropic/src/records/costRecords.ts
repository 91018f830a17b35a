import { ANTHROPIC_TAGS } from '@tollgate/plugin-finops-node';
import {
  CURRENCY_PATTERN,
  CostRecord,
  parseMicros,
} from '@tollgate/plugin-finops-common';
import {
  MalformedResultError,
  anthropicRecord,
  optionalText,
  resultTags,
} from './anthropicRecords';
import { ANTHROPIC_TOKEN_TYPES } from './tokenTypes';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * An amount in cents as decimal text ("123.45" is 1.2345 dollars) as exact
 * micro-units of the currency: the decimal point moves two places in the text, and
 * fractions below a micro-unit are rounded half to even.
 */
export function centsToMicros(text: unknown): bigint | undefined {
  return typeof text === 'string' && DECIMAL.test(text)
    ? parseMicros(`${text}e-2`)
    : undefined;
}

/**
 * The record of one cost report result: its money, read exactly from the decimal
 * text of `amount` (in cents). A token cost (`cost_type: tokens`) whose `token_type`
 * is known becomes a token-type record of its model without a quantity (the usage
 * report carries the tokens); any other cost a usage line named by its cost type
 * (`web_search`, `code_execution`, …), else by its description.
 */
export function costRecord(
  day: string,
  result: Record<string, unknown>,
): CostRecord {
  const micros = centsToMicros(result.amount);
  if (micros === undefined) {
    throw new MalformedResultError(
      `amount is ${JSON.stringify(
        result.amount,
      )}, expected a decimal string of cents`,
    );
  }
  const currency = String(result.currency ?? '').toUpperCase();
  if (!CURRENCY_PATTERN.test(currency)) {
    throw new MalformedResultError(
      `currency is ${JSON.stringify(
        result.currency,
      )}, expected a currency code such as USD`,
    );
  }
  const costType = optionalText(result, 'cost_type');
  const tokenType = optionalText(result, 'token_type');
  const known =
    costType === 'tokens' && tokenType
      ? ANTHROPIC_TOKEN_TYPES[tokenType]
      : undefined;
  const tags = resultTags('cost', result);
  if (known?.cacheTtl) {
    tags[ANTHROPIC_TAGS.cacheTtl] = known.cacheTtl;
  }
  return anthropicRecord({
    day,
    model: optionalText(result, 'model'),
    dimensionKind: known ? 'tokenType' : 'usage',
    dimension:
      known?.tokenType ??
      costType ??
      optionalText(result, 'description') ??
      'cost',
    billedCostMicros: micros,
    currency,
    tags,
  });
}
