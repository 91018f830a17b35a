import { Config } from '@backstage/config';
import { TokenType, costOf } from '@tollgate/plugin-finops-common';
import { PriceBook, PricedUsage } from '@tollgate/plugin-finops-node';
import { ModelPrice, OperationPrice, UnpricedUsage } from './prices';
import {
  readDefaultModelPrices,
  readModelPrice,
  readOperationPrice,
} from './readPriceConfig';

export type { ModelPrice, OperationPrice, UnpricedUsage } from './prices';

const TOKEN_FIELDS: Record<TokenType, keyof ModelPrice> = {
  input: 'input',
  output: 'output',
  'cache-read': 'cacheRead',
  'cache-write': 'cacheWrite',
};

function normalize(name: string) {
  return name.trim().toLocaleLowerCase('en-US');
}

/** Strips a provider prefix such as "openai/" from a model name. */
function bareModel(model: string) {
  const slash = model.lastIndexOf('/');
  return normalize(slash >= 0 ? model.slice(slash + 1) : model);
}

/**
 * The price book: the bundled model price table, overridden and extended by
 * `tollgate.pricing` in app-config, plus per-call prices of API operations declared in
 * the catalog. Prices apply from their effective day on. Usage that no price matches
 * is remembered and reported, never priced at zero.
 */
export class ConfigPriceBook implements PriceBook {
  private readonly models = new Map<string, ModelPrice[]>();
  private operations = new Map<string, OperationPrice[]>();
  private readonly unpriced = new Map<string, UnpricedUsage>();

  static fromConfig(config: Config): ConfigPriceBook {
    const currency = config.getOptionalString('tollgate.currency') ?? 'USD';
    const book = new ConfigPriceBook(currency);
    for (const price of readDefaultModelPrices()) {
      book.addModelPrice(price);
    }
    const models =
      config.getOptionalConfigArray('tollgate.pricing.models') ?? [];
    models.forEach((entry, index) =>
      book.addModelPrice(readModelPrice(entry, index, currency)),
    );
    const operations =
      config.getOptionalConfigArray('tollgate.pricing.operations') ?? [];
    book.setOperationPrices(
      operations.map((entry, index) => readOperationPrice(entry, index)),
    );
    return book;
  }

  constructor(readonly currency: string) {}

  addModelPrice(price: ModelPrice) {
    const key = `${normalize(price.provider)}\u0000${bareModel(price.model)}`;
    const list = this.models.get(key) ?? [];
    list.push(price);
    list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    this.models.set(key, list);
    const anyProvider = `*\u0000${bareModel(price.model)}`;
    if (!this.models.has(anyProvider)) {
      this.models.set(anyProvider, list);
    }
  }

  /** Replaces the operation prices, such as those read from the catalog. */
  setOperationPrices(prices: OperationPrice[]) {
    const map = new Map<string, OperationPrice[]>();
    for (const price of prices) {
      const key = `${normalize(price.apiRef)}\u0000${price.operation}`;
      const list = map.get(key) ?? [];
      list.push(price);
      list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      map.set(key, list);
    }
    this.operations = map;
  }

  findModelPrice(
    provider: string | undefined,
    model: string,
    day: string,
  ): ModelPrice | undefined {
    const list =
      (provider &&
        this.models.get(`${normalize(provider)}\u0000${bareModel(model)}`)) ||
      this.models.get(`*\u0000${bareModel(model)}`);
    return list && effectiveOn(list, day);
  }

  priceTokens(usage: {
    provider?: string;
    model: string;
    tokenType: TokenType;
    quantity: bigint;
    day: string;
  }): PricedUsage | undefined {
    const price = this.findModelPrice(usage.provider, usage.model, usage.day);
    const unitPrice = price?.[TOKEN_FIELDS[usage.tokenType]] as
      | bigint
      | undefined;
    if (!price || unitPrice === undefined) {
      this.remember(
        'model',
        usage.provider,
        `${usage.model} ${usage.tokenType}`,
        usage.day,
      );
      return undefined;
    }
    return {
      costMicros: costOf(usage.quantity, unitPrice),
      currency: price.currency,
      unitPrice,
    };
  }

  priceRequests(usage: {
    provider?: string;
    model: string;
    quantity: bigint;
    day: string;
  }): PricedUsage | undefined {
    const price = this.findModelPrice(usage.provider, usage.model, usage.day);
    if (!price?.request) {
      this.remember(
        'model',
        usage.provider,
        `${usage.model} requests`,
        usage.day,
      );
      return undefined;
    }
    return {
      costMicros: costOf(usage.quantity, price.request),
      currency: price.currency,
      unitPrice: price.request,
    };
  }

  priceOperation(usage: {
    apiRef: string;
    operation: string;
    quantity: bigint;
    day: string;
  }): PricedUsage | undefined {
    const list = this.operations.get(
      `${normalize(usage.apiRef)}\u0000${usage.operation}`,
    );
    const price = list && effectiveOn(list, usage.day);
    if (!price) {
      this.remember('operation', usage.apiRef, usage.operation, usage.day);
      return undefined;
    }
    return {
      costMicros: costOf(usage.quantity, price.unitPrice),
      currency: price.currency,
      unitPrice: price.unitPrice,
    };
  }

  /** Usage seen without a price, most frequent first. */
  unpricedUsage(): UnpricedUsage[] {
    return [...this.unpriced.values()].sort(
      (a, b) => b.occurrences - a.occurrences,
    );
  }

  private remember(
    kind: UnpricedUsage['kind'],
    provider: string | undefined,
    name: string,
    day: string,
  ) {
    const key = `${kind}\u0000${provider ?? ''}\u0000${name}`;
    const entry = this.unpriced.get(key);
    if (entry) {
      entry.occurrences += 1;
      entry.firstSeenDay = day < entry.firstSeenDay ? day : entry.firstSeenDay;
      entry.lastSeenDay = day > entry.lastSeenDay ? day : entry.lastSeenDay;
    } else {
      this.unpriced.set(key, {
        kind,
        provider,
        name,
        firstSeenDay: day,
        lastSeenDay: day,
        occurrences: 1,
      });
    }
  }
}

function effectiveOn<T extends { effectiveFrom: string }>(
  list: T[],
  day: string,
) {
  let found: T | undefined;
  for (const entry of list) {
    if (entry.effectiveFrom <= day) {
      found = entry;
    }
  }
  return found;
}
