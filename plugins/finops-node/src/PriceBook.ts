import { TokenType } from '@tollgate/plugin-finops-common';

/** A price found for some usage. @public */
export interface PricedUsage {
  /** Cost in micro-units. */
  costMicros: bigint;
  currency: string;
  /** Unit price in units of 10^-12, as it applied. */
  unitPrice: bigint;
}

/**
 * Prices model tokens and API calls. Unknown models and operations answer undefined
 * and are reported by the price book; a source must never count them as free.
 *
 * @public
 */
export interface PriceBook {
  priceTokens(usage: {
    provider?: string;
    model: string;
    tokenType: TokenType;
    /** Tokens in units of 10^-6 (QUANTITY_SCALE). */
    quantity: bigint;
    day: string;
  }): PricedUsage | undefined;
  priceRequests(usage: {
    provider?: string;
    model: string;
    /** Requests in units of 10^-6 (QUANTITY_SCALE). */
    quantity: bigint;
    day: string;
  }): PricedUsage | undefined;
  priceOperation(usage: {
    /** The API entity's ref. */
    apiRef: string;
    /** The OpenAPI operationId, or `METHOD /path`. */
    operation: string;
    /** Calls in units of 10^-6 (QUANTITY_SCALE). */
    quantity: bigint;
    day: string;
  }): PricedUsage | undefined;
}
