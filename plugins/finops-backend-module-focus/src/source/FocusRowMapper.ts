import {
  CostRecord,
  CURRENCY_PATTERN,
  DayWindow,
  parseMicros,
  parseQuantity,
} from '@tollgate/plugin-finops-common';
import { FocusAttribution } from './FocusAttribution';
import { FocusCsvRow } from './FocusCsvReader';
import { FocusHeader } from './FocusHeader';
import { FocusSkuPriceDetails } from './FocusSkuPriceDetails';
import { parseFocusDay } from './parseFocusDay';
import { parseJsonObject } from './parseJsonObject';

/** What became of one FOCUS row. */
export type FocusRowResult =
  | { type: 'record'; record: CostRecord }
  | { type: 'invalid'; reasons: string[] }
  | { type: 'outside-window' }
  | { type: 'other-currency' };

/** How the mapper reads the rows of one file. */
export interface FocusRowMapperOptions {
  header: FocusHeader;
  window: DayWindow;
  attribution: FocusAttribution;
  /** When set, rows billed in another currency are left out. */
  currency?: string;
}

const MAX_QUOTED = 60;

function quote(value: string): string {
  const shown =
    value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return JSON.stringify(shown);
}

/** A provider name as a slug: `Solora AI` becomes `solora-ai`. */
function slug(name: string): string {
  return name
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function tagValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return value === null ? '' : JSON.stringify(value);
}

/**
 * Maps FOCUS rows to cost records. A row is invalid when its BilledCost,
 * BillingCurrency or ChargePeriodStart is missing or malformed, when its Tags or
 * SkuPriceDetails are not a JSON object, when a ListCost or quantity is not a
 * number, or when it has another number of fields than the header. Rows outside the
 * window are only checked for their ChargePeriodStart and field count.
 */
export class FocusRowMapper {
  constructor(private readonly options: FocusRowMapperOptions) {}

  map(row: FocusCsvRow): FocusRowResult {
    const { header, window, currency: wanted } = this.options;
    const { values } = row;
    const get = (column: string) => header.get(values, column);
    if (values.length !== header.width) {
      return {
        type: 'invalid',
        reasons: [
          `has ${values.length} fields where the header has ${header.width}`,
        ],
      };
    }
    const start = get('ChargePeriodStart');
    const day = start ? parseFocusDay(start) : undefined;
    if (!day) {
      return {
        type: 'invalid',
        reasons: [
          start
            ? `ChargePeriodStart ${quote(start)} is not a date`
            : 'ChargePeriodStart is empty',
        ],
      };
    }
    if (day < window.from || day > window.to) {
      return { type: 'outside-window' };
    }

    const reasons: string[] = [];
    const currency = get('BillingCurrency');
    if (!CURRENCY_PATTERN.test(currency)) {
      reasons.push(
        currency
          ? `BillingCurrency ${quote(currency)} is not an ISO 4217 code`
          : 'BillingCurrency is empty',
      );
    } else if (wanted && currency !== wanted) {
      return { type: 'other-currency' };
    }
    const billed = this.decimal('BilledCost', get('BilledCost'), reasons, true);
    const list = this.decimal('ListCost', get('ListCost'), reasons);
    const consumed = get('ConsumedQuantity');
    const quantityColumn = consumed ? 'ConsumedQuantity' : 'PricingQuantity';
    const quantity = this.quantity(
      quantityColumn,
      get(quantityColumn),
      reasons,
    );
    const tags = this.tags(get('Tags'), reasons);
    const details = this.details(get('SkuPriceDetails'), reasons);
    if (reasons.length > 0 || billed === undefined) {
      return { type: 'invalid', reasons };
    }

    const provider =
      get('ServiceProviderName') ||
      get('ProviderName') ||
      get('PublisherName') ||
      get('InvoiceIssuerName');
    const skuId = get('SkuId');
    const model =
      details?.model ||
      (header.modelColumn && get(header.modelColumn)) ||
      skuId ||
      undefined;
    const tokenType = details?.tokenType;
    const unit = get(consumed ? 'ConsumedUnit' : 'PricingUnit');
    const record: CostRecord = {
      day,
      ...this.options.attribution.attribute(tags),
      provider: slug(provider) || 'unknown',
      service: get('ServiceName') || get('ServiceCategory') || 'unknown',
      ...(model ? { model } : {}),
      dimensionKind: tokenType ? 'tokenType' : 'usage',
      dimension:
        tokenType ||
        get('ChargeDescription') ||
        skuId ||
        get('SkuMeter') ||
        get('ChargeCategory') ||
        'usage',
      ...(quantity !== undefined ? { quantity } : {}),
      ...(quantity !== undefined && unit ? { unit } : {}),
      billedCostMicros: billed,
      ...(list !== undefined ? { listCostMicros: list } : {}),
      currency,
      ...(tags && Object.keys(tags).length > 0 ? { tags } : {}),
    };
    return { type: 'record', record };
  }

  private decimal(
    column: string,
    value: string,
    reasons: string[],
    required = false,
  ): bigint | undefined {
    if (!value) {
      if (required) {
        reasons.push(`${column} is empty`);
      }
      return undefined;
    }
    const micros = parseMicros(value);
    if (micros === undefined) {
      reasons.push(`${column} ${quote(value)} is not a decimal number`);
    }
    return micros;
  }

  private quantity(
    column: string,
    value: string,
    reasons: string[],
  ): bigint | undefined {
    if (!value) {
      return undefined;
    }
    const quantity = parseQuantity(value);
    if (quantity === undefined) {
      reasons.push(`${column} ${quote(value)} is not a decimal number`);
    }
    return quantity;
  }

  private tags(
    value: string,
    reasons: string[],
  ): Record<string, string> | undefined {
    if (!value) {
      return undefined;
    }
    const result = parseJsonObject(value);
    if (!result.ok) {
      reasons.push(`Tags ${result.error}`);
      return undefined;
    }
    return Object.fromEntries(
      Object.entries(result.value).map(([key, raw]) => [key, tagValue(raw)]),
    );
  }

  private details(
    value: string,
    reasons: string[],
  ): FocusSkuPriceDetails | undefined {
    if (!value) {
      return undefined;
    }
    const details = FocusSkuPriceDetails.parse(value);
    if (!(details instanceof FocusSkuPriceDetails)) {
      reasons.push(`SkuPriceDetails ${details.error}`);
      return undefined;
    }
    return details;
  }
}
