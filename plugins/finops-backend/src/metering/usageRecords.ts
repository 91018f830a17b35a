import { InputError } from '@backstage/errors';
import {
  CostRecord,
  QUANTITY_SCALE,
  TokenType,
} from '@tollgate/plugin-finops-common';
import { PriceBook, PricedUsage } from '@tollgate/plugin-finops-node';
import { METERED_SOURCE_ID } from '../costs/store/meteredSource';
import { UsageEvent, UsageMeasure, UsageTokens } from './readUsageEvents';

export { METERED_SOURCE_ID };

const UNITS = 10n ** BigInt(QUANTITY_SCALE);

/** Token counts by the price book's token type; reasoning tokens are output tokens. */
const TOKEN_TYPES: Array<[TokenType, (t: UsageTokens) => number]> = [
  ['input', t => t.input],
  ['output', t => t.output + t.reasoning],
  ['cache-read', t => t.cacheRead],
  ['cache-write', t => t.cacheWrite],
];

/**
 * The cost records of what an event reports, priced through the price book: one per
 * token type with tokens, one for calls of an operation, or the cost as reported.
 * Throws InputError naming the event for usage the price book has no price for, so
 * that nothing is counted as free.
 */
export function usageRecords(
  event: Pick<UsageEvent, 'day' | 'entityRef' | 'agentId' | 'sessionId'>,
  measure: UsageMeasure,
  priceBook: PriceBook,
  at: string,
): CostRecord[] {
  const tags: Record<string, string> = {
    ...(event.agentId ? { 'gen_ai.agent.id': event.agentId } : {}),
    ...(event.sessionId ? { 'gen_ai.conversation.id': event.sessionId } : {}),
  };
  const base = {
    day: event.day,
    entityRef: event.entityRef,
    ...(Object.keys(tags).length ? { tags } : {}),
  };
  if (measure.kind === 'cost') {
    return [
      {
        ...base,
        provider: 'reported',
        service: 'Reported cost',
        dimensionKind: 'usage',
        dimension: 'cost',
        billedCostMicros: measure.amountMicros,
        currency: measure.currency,
      },
    ];
  }
  if (measure.kind === 'calls') {
    const quantity = BigInt(measure.count) * UNITS;
    const price = priced(
      priceBook.priceOperation({
        apiRef: measure.apiRef,
        operation: measure.operation,
        quantity,
        day: event.day,
      }),
      `${at}.calls: the price book has no price for ${measure.operation} of ${measure.apiRef}; declare x-tollgate-price on the operation or tollgate.pricing.operations, or report the cost`,
    );
    return [
      {
        ...base,
        provider: measure.apiRef,
        service: measure.apiRef,
        dimensionKind: 'operation',
        dimension: measure.operation,
        quantity,
        unit: 'calls',
        billedCostMicros: price.costMicros,
        currency: price.currency,
      },
    ];
  }
  const records: CostRecord[] = [];
  for (const [tokenType, count] of TOKEN_TYPES) {
    const tokens = count(measure.tokens);
    if (tokens === 0) continue;
    const quantity = BigInt(tokens) * UNITS;
    const price = priced(
      priceBook.priceTokens({
        provider: measure.provider,
        model: measure.model,
        tokenType,
        quantity,
        day: event.day,
      }),
      `${at}.model: the price book has no ${tokenType} price for ${measure.provider} ${measure.model}; add it to tollgate.pricing.models, or report the cost`,
    );
    records.push({
      ...base,
      provider: measure.provider,
      service: `${measure.provider} API`,
      model: measure.model,
      dimensionKind: 'tokenType',
      dimension: tokenType,
      quantity,
      unit: 'tokens',
      billedCostMicros: price.costMicros,
      currency: price.currency,
    });
  }
  return records;
}

function priced(price: PricedUsage | undefined, problem: string): PricedUsage {
  if (!price) {
    throw new InputError(problem);
  }
  return price;
}
