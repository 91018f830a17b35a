import {
  ReconciliationFigureName,
  TOKEN_TYPES,
  TokenType,
  costOf,
  providerSlug,
} from '@tollgate/plugin-finops-common';
import { ModelPrice } from '../pricing/ConfigPriceBook';
import { FigureSet, FigureSum, addSums } from './figureSums';
import { modelKey } from './modelKey';
import { TokenRecordGroup } from './ReconciliationStore';
import { tokensOf } from './tokenUnits';

/** Finds the price of a model on a day, as the price book does, without remembering misses. */
export interface ModelPriceLookup {
  findModelPrice(
    provider: string | undefined,
    model: string,
    day: string,
  ): ModelPrice | undefined;
}

/** The field of a model price that prices each token type. */
export const PRICE_FIELDS: Record<
  TokenType,
  'input' | 'output' | 'cacheRead' | 'cacheWrite'
> = {
  input: 'input',
  output: 'output',
  'cache-read': 'cacheRead',
  'cache-write': 'cacheWrite',
};

/** A provider and model as records name them and the price book looks them up. */
export interface BookName {
  provider: string;
  model: string;
}

/** One provider, model and token type: its figures per day and the names it was seen by. */
export interface TableLine {
  provider: string;
  model: string;
  tokenType: TokenType;
  days: Map<string, FigureSet>;
  /** The names its tokens were priced by (metered and vendor usage). */
  pricedNames: Map<string, BookName>;
  /** The names of its invoice and vendor cost records. */
  billedNames: Map<string, BookName>;
}

/**
 * Sorts the token records of every source into figures per provider (by providerSlug),
 * model (by modelKey), token type and day, pricing the tokens of metered and vendor
 * usage by the price book in the reporting currency.
 */
export class FigureTable {
  private readonly lines = new Map<string, TableLine>();

  constructor(
    private readonly prices: ModelPriceLookup,
    private readonly currency: string,
  ) {}

  /** Invoice records: their billed cost and tokens. */
  addInvoice(group: TokenRecordGroup) {
    const tokens =
      group.quantity === undefined
        ? undefined
        : tokensOf(group.quantity, group.unit);
    this.add(group, 'invoice', {
      ...(tokens === undefined ? {} : { quantity: tokens }),
      cost: group.billedMicros,
      unpriced: 0n,
      complete: tokens !== undefined && group.withoutQuantity === 0,
    });
  }

  /** Vendor records: usage records' tokens priced, cost records' money as billed. */
  addVendor(group: TokenRecordGroup) {
    if (group.quantity !== undefined) {
      this.addPriced(group, 'vendorUsage');
    }
    if (group.withoutQuantity > 0 || group.billedMicros !== 0n) {
      this.add(group, 'vendorCost', {
        cost: group.billedMicros,
        unpriced: 0n,
        complete: true,
      });
    }
  }

  /** Telemetry and metered records: their tokens priced. */
  addMetered(group: TokenRecordGroup) {
    this.addPriced(group, 'metered');
  }

  /** The lines by provider, model and token type, each with its days in order. */
  sortedLines(): TableLine[] {
    return [...this.lines.values()]
      .sort(
        (a, b) =>
          a.provider.localeCompare(b.provider) ||
          a.model.localeCompare(b.model) ||
          TOKEN_TYPES.indexOf(a.tokenType) - TOKEN_TYPES.indexOf(b.tokenType),
      )
      .map(line => ({
        ...line,
        days: new Map(
          [...line.days].sort(([a], [b]) => (a < b ? -1 : Number(a > b))),
        ),
      }));
  }

  private addPriced(
    group: TokenRecordGroup,
    figure: 'metered' | 'vendorUsage',
  ) {
    const tokens =
      group.quantity === undefined
        ? undefined
        : tokensOf(group.quantity, group.unit);
    const price =
      tokens === undefined || group.model === null
        ? undefined
        : this.prices.findModelPrice(group.provider, group.model, group.day);
    const unitPrice =
      price?.currency === this.currency
        ? price[PRICE_FIELDS[group.tokenType as TokenType]]
        : undefined;
    this.add(group, figure, {
      ...(tokens === undefined ? {} : { quantity: tokens }),
      cost:
        tokens !== undefined && unitPrice !== undefined
          ? costOf(tokens, unitPrice)
          : 0n,
      unpriced: unitPrice === undefined ? tokens ?? 0n : 0n,
      complete:
        tokens !== undefined &&
        (figure === 'vendorUsage' || group.withoutQuantity === 0),
    });
  }

  private add(
    group: TokenRecordGroup,
    figure: ReconciliationFigureName,
    sum: FigureSum,
  ) {
    const tokenType = group.tokenType as TokenType;
    if (!TOKEN_TYPES.includes(tokenType)) {
      return;
    }
    const provider = providerSlug(group.provider);
    const model = modelKey(group.model);
    const key = JSON.stringify([provider, model, tokenType]);
    let line = this.lines.get(key);
    if (!line) {
      line = {
        provider,
        model,
        tokenType,
        days: new Map(),
        pricedNames: new Map(),
        billedNames: new Map(),
      };
      this.lines.set(key, line);
    }
    const set = line.days.get(group.day) ?? {};
    set[figure] = addSums(set[figure], sum);
    line.days.set(group.day, set);
    if (group.model !== null) {
      const name = bookName(group.provider, group.model);
      const names =
        figure === 'metered' || figure === 'vendorUsage'
          ? line.pricedNames
          : line.billedNames;
      names.set(JSON.stringify([name.provider, name.model]), name);
    }
  }
}

/** A provider and model as the price book keys them: trimmed, lower case, no prefix. */
export function bookName(provider: string, model: string): BookName {
  const bare = model.trim().toLocaleLowerCase('en-US');
  return {
    provider: provider.trim().toLocaleLowerCase('en-US'),
    model: bare.slice(bare.lastIndexOf('/') + 1),
  };
}
