import { NotFoundError } from '@backstage/errors';
import {
  QUANTITY_SCALE,
  TOKEN_TYPES,
  formatMicros,
  providerSlug,
} from '@tollgate/plugin-finops-common';
import { PriceBook } from '@tollgate/plugin-finops-node';

const MILLION_TOKENS = 1_000_000n * 10n ** BigInt(QUANTITY_SCALE);

/** A model's prices per million tokens on a day, as `GET /v1/prices/models` answers. */
export interface ModelPrices {
  provider: string;
  model: string;
  day: string;
  currency: string;
  /** Per million tokens of each token type the price book prices. */
  perMillionTokens: Partial<Record<(typeof TOKEN_TYPES)[number], string>>;
}

/**
 * What the price book charges for a million tokens of each type of a model on a day,
 * for clients that estimate a call's cost before they reserve it. Throws NotFoundError
 * for a model the price book does not know.
 */
export function modelPrices(
  priceBook: PriceBook,
  query: { provider: string; model: string; day: string },
): ModelPrices {
  const provider = providerSlug(query.provider);
  const perMillionTokens: ModelPrices['perMillionTokens'] = {};
  let currency: string | undefined;
  for (const tokenType of TOKEN_TYPES) {
    const price = priceBook.priceTokens({
      provider,
      model: query.model,
      tokenType,
      quantity: MILLION_TOKENS,
      day: query.day,
    });
    if (price) {
      perMillionTokens[tokenType] = formatMicros(price.costMicros);
      currency = price.currency;
    }
  }
  if (!currency) {
    throw new NotFoundError(
      `The price book has no price for ${provider} ${query.model} on ${query.day}`,
    );
  }
  return {
    provider,
    model: query.model,
    day: query.day,
    currency,
    perMillionTokens,
  };
}
