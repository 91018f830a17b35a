import {
  CostRecord,
  CURRENCY_PATTERN,
  DayWindow,
  parseMicros,
  parseQuantity,
  TokenType,
  providerSlug,
} from '@tollgate/plugin-finops-common';
import { FocusAttribution } from './FocusAttribution';
import { FocusCsvRow } from './FocusCsvReader';
import { FocusHeader } from './FocusHeader';
import { FocusSkuPriceDetails } from './FocusSkuPriceDetails';
import { memoizeText } from './memoizeText';
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

function tagValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return value === null ? '' : JSON.stringify(value);
}

/** The Tags column as string values, or what is wrong with it. */
function parseTags(
  value: string,
): { tags: Record<string, string> } | { error: string } {
  const result = parseJsonObject(value);
  if (!result.ok) {
    return { error: `Tags ${result.error}` };
  }
  return {
    tags: Object.fromEntries(
      Object.entries(result.value).map(([key, raw]) => [key, tagValue(raw)]),
    ),
  };
}

/** What the SkuPriceDetails column says about the price. */
interface PriceDetails {
  model?: string;
  tokenType?: TokenType;
  operation?: string;
}

/** What the SkuPriceDetails column says, or what is wrong with it. */
function parseDetails(value: string): PriceDetails | { error: string } {
  const details = FocusSkuPriceDetails.parse(value);
  if (!(details instanceof FocusSkuPriceDetails)) {
    return { error: `SkuPriceDetails ${details.error}` };
  }
  return {
    model: details.model,
    tokenType: details.tokenType,
    operation: details.operation,
  };
}

/** Units that count calls of an API operation, as exports write them. */
const CALL_UNITS = /^(api )?(requests?|calls?|transactions?)$/i;

/**
 * Maps FOCUS rows to cost records. A row is invalid when its BilledCost,
 * BillingCurrency or ChargePeriodStart is missing or malformed, when its Tags or
 * SkuPriceDetails are not a JSON object, when a ListCost or quantity is not a
 * number, or when it has another number of fields than the header. Rows outside the
 * window are only checked for their ChargePeriodStart and field count.
 */
export class FocusRowMapper {
  // Parsed once per distinct text: these columns repeat a few values over many rows.
  private readonly day = memoizeText(parseFocusDay);
  private readonly tagsOf = memoizeText(parseTags);
  private readonly detailsOf = memoizeText(parseDetails);
  private readonly providerSlug = memoizeText(providerSlug);

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
    const day = start ? this.day(start) : undefined;
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
    const tokenType = details?.tokenType;
    // A price of an API operation (and not of tokens) is for calls, not for a model.
    const operation = tokenType ? undefined : details?.operation;
    const model = operation
      ? undefined
      : details?.model ||
        (header.modelColumn && get(header.modelColumn)) ||
        skuId ||
        undefined;
    const fileUnit = get(consumed ? 'ConsumedUnit' : 'PricingUnit');
    const unit =
      operation && (!fileUnit || CALL_UNITS.test(fileUnit))
        ? 'calls'
        : fileUnit;
    const record: CostRecord = {
      day,
      ...this.options.attribution.attribute(tags),
      provider: this.providerSlug(provider) || 'unknown',
      service: get('ServiceName') || get('ServiceCategory') || 'unknown',
      ...(model ? { model } : {}),
      dimensionKind: tokenType
        ? 'tokenType'
        : operation
        ? 'operation'
        : 'usage',
      dimension:
        tokenType ||
        operation ||
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
    const parsed = this.tagsOf(value);
    if ('error' in parsed) {
      reasons.push(parsed.error);
      return undefined;
    }
    return parsed.tags;
  }

  private details(value: string, reasons: string[]): PriceDetails | undefined {
    if (!value) {
      return undefined;
    }
    const parsed = this.detailsOf(value);
    if ('error' in parsed) {
      reasons.push(parsed.error);
      return undefined;
    }
    return parsed;
  }
}
