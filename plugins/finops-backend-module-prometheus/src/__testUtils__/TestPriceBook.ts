import {
  TokenType,
  costOf,
  parseUnitPrice,
} from '@tollgate/plugin-finops-common';
import { PriceBook, PricedUsage } from '@tollgate/plugin-finops-node';

/** Prices per unit as decimal text, keyed as the lookups below describe. */
export interface TestPrices {
  /** Keyed `provider/model/tokenType`, per token. */
  tokens?: Record<string, string>;
  /** Keyed `apiRef operation`, per call. */
  operations?: Record<string, string>;
}

/** A price book over a fixed table, in USD; anything not in the table is unpriced. */
export class TestPriceBook implements PriceBook {
  constructor(private readonly prices: TestPrices) {}

  private price(
    text: string | undefined,
    quantity: bigint,
  ): PricedUsage | undefined {
    if (text === undefined) {
      return undefined;
    }
    const unitPrice = parseUnitPrice(text)!;
    return {
      costMicros: costOf(quantity, unitPrice),
      currency: 'USD',
      unitPrice,
    };
  }

  priceTokens(usage: {
    provider?: string;
    model: string;
    tokenType: TokenType;
    quantity: bigint;
  }): PricedUsage | undefined {
    const key = `${usage.provider}/${usage.model}/${usage.tokenType}`;
    return this.price(this.prices.tokens?.[key], usage.quantity);
  }

  priceRequests(): PricedUsage | undefined {
    return undefined;
  }

  priceOperation(usage: {
    apiRef: string;
    operation: string;
    quantity: bigint;
  }): PricedUsage | undefined {
    const key = `${usage.apiRef} ${usage.operation}`;
    return this.price(this.prices.operations?.[key], usage.quantity);
  }
}
