import {
  PriceDifference,
  PriceSuggestion,
  TokenType,
  formatScaledDecimal,
} from '@tollgate/plugin-finops-common';
import { stringify } from 'yaml';
import { ModelPrice } from '../pricing/ConfigPriceBook';
import { billedPrice } from './billedPrice';
import {
  BookName,
  ModelPriceLookup,
  PRICE_FIELDS,
  TableLine,
} from './FigureTable';

/** Billed prices within this percent of the price book's are rounding, not a difference. */
const TOLERANCE_PERCENT = 1n;

const PHRASES: Record<TokenType, string> = {
  input: 'input',
  output: 'output',
  'cache-read': 'cache reads',
  'cache-write': 'cache writes',
};

/** Override fields of each price, in the order config lists them. */
const OVERRIDE_FIELDS = [
  ['input', 'inputPerMillion'],
  ['output', 'outputPerMillion'],
  ['cacheRead', 'cacheReadPerMillion'],
  ['cacheWrite', 'cacheWritePerMillion'],
  ['request', 'perRequest'],
] as const;

/** A unit price (10^-12 per token, micro-units per million tokens) per million. */
function perMillion(unitPrice: bigint): string {
  return formatScaledDecimal(unitPrice, 6, 0);
}

function differs(book: bigint | undefined, billed: bigint): boolean {
  if (book === undefined) {
    return true;
  }
  const gap = billed > book ? billed - book : book - billed;
  return gap * 100n > book * TOLERANCE_PERCENT;
}

interface Found {
  name: BookName;
  price?: ModelPrice;
  differences: PriceDifference[];
}

/**
 * Where the price book disagrees with what the vendor billed for a model's tokens (the
 * invoice's money over its tokens, else the vendor cost API's over its usage API's),
 * the price and the `tollgate.pricing.models` entry that would fix it, per model as the
 * price book looks it up. A line whose tokens the price book priced under several names
 * at different prices gets none: no one price explains it.
 */
export function priceSuggestions(
  lines: TableLine[],
  prices: ModelPriceLookup,
  currency: string,
): PriceSuggestion[] {
  const byName = new Map<string, Found>();
  for (const line of lines) {
    const billed = billedPrice(line);
    if (!billed) continue;
    const first = billed.days[0];
    const last = billed.days[billed.days.length - 1];
    const names = line.pricedNames.size ? line.pricedNames : line.billedNames;
    const found = [...names.values()].map(name => {
      const price = prices.findModelPrice(name.provider, name.model, last);
      const usable = price?.currency === currency ? price : undefined;
      return {
        name,
        price: usable,
        unit: usable?.[PRICE_FIELDS[line.tokenType]],
      };
    });
    const units = new Set(found.map(f => f.unit));
    const [book] = units;
    if (units.size !== 1 || !differs(book, billed.unitPrice)) continue;
    for (const { name, price } of found) {
      const key = JSON.stringify([name.provider, name.model]);
      const entry = byName.get(key) ?? { name, price, differences: [] };
      const count = billed.days.length;
      entry.differences.push({
        tokenType: line.tokenType,
        ...(book === undefined
          ? {}
          : { priceBookPerMillion: perMillion(book) }),
        billedPerMillion: perMillion(billed.unitPrice),
        billedBy: billed.by,
        days: count,
        from: first,
        to: last,
        message: `${name.model} ${PHRASES[line.tokenType]}: ${
          book === undefined
            ? 'no price in the price book'
            : `price book ${perMillion(book)}/M`
        }, billed ${perMillion(billed.unitPrice)}/M over ${count} ${
          count === 1 ? 'day' : 'days'
        }`,
      });
      byName.set(key, entry);
    }
  }
  return [...byName.values()].map(suggestion);
}

function suggestion({ name, price, differences }: Found): PriceSuggestion {
  const override: PriceSuggestion['override'] = {
    provider: name.provider,
    model: name.model,
    effectiveFrom: differences.map(d => d.from).sort()[0],
  };
  const config: Record<string, string | number> = {
    provider: name.provider,
    model: name.model,
  };
  for (const [field, key] of OVERRIDE_FIELDS) {
    const billed = differences.find(d => PRICE_FIELDS[d.tokenType] === field);
    const current = price?.[field];
    const value =
      billed?.billedPerMillion ??
      (current === undefined
        ? undefined
        : formatScaledDecimal(current, field === 'request' ? 12 : 6, 0));
    if (value !== undefined) {
      override[key] = value;
      // a number where it reads back as the same decimal, as people write prices
      config[key] = String(Number(value)) === value ? Number(value) : value;
    }
  }
  config.effectiveFrom = override.effectiveFrom;
  return {
    provider: name.provider,
    model: name.model,
    differences,
    override,
    config: stringify({ tollgate: { pricing: { models: [config] } } }),
  };
}
