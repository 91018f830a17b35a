import {
  CURRENCY_PATTERN,
  CostRecord,
  parseMicros,
} from '@tollgate/plugin-finops-common';
import { OPENAI_TAGS } from '@tollgate/plugin-finops-node';
import {
  MalformedResultError,
  openAiRecord,
  optionalText,
  resultTags,
} from './openAiRecords';
import { parseLineItem } from './parseLineItem';

const DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * The record of one costs result: its money, read exactly from the decimal text of
 * `amount.value` (dollars) into micro-units, rounded half to even below a micro-unit.
 * A line item that names a model and token type (`gpt-4o, cached input`) becomes a
 * token-type record of that model without a quantity (the usage reports carry the
 * tokens); any other charge a usage line named by its line item.
 */
export function costRecord(
  day: string,
  result: Record<string, unknown>,
): CostRecord {
  const amount = result.amount as Record<string, unknown> | null | undefined;
  const value = amount?.value;
  const micros =
    typeof value === 'string' && DECIMAL.test(value)
      ? parseMicros(value)
      : undefined;
  if (micros === undefined) {
    throw new MalformedResultError(
      `amount.value is ${JSON.stringify(value)}, expected a number of dollars`,
    );
  }
  const currency = String(amount?.currency ?? '').toUpperCase();
  if (!CURRENCY_PATTERN.test(currency)) {
    throw new MalformedResultError(
      `amount.currency is ${JSON.stringify(
        amount?.currency,
      )}, expected a currency code such as usd`,
    );
  }
  const lineItem = optionalText(result, 'line_item');
  const { model, tokenType } = parseLineItem(lineItem);
  const tags = resultTags('costs', result);
  if (lineItem) {
    tags[OPENAI_TAGS.lineItem] = lineItem;
  }
  return openAiRecord({
    day,
    model,
    dimensionKind: tokenType ? 'tokenType' : 'usage',
    dimension: tokenType ?? lineItem ?? 'costs',
    billedCostMicros: micros,
    currency,
    tags,
  });
}
