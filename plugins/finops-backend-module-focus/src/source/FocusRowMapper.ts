import {
  CostRecord,
  CURRENCY_PATTERN,
  DayWindow,
  parseMicros,
  parseQuantity,
  providerSlug,
} from '@tollgate/plugin-finops-common';
import {
  describeFocusRow,
  FocusPriceDetails,
  parseFocusPriceDetails,
} from './describeFocusRow';
import { FocusAttribution } from './FocusAttribution';
import { FocusChargePeriod } from './FocusChargePeriod';
import { FocusCsvRow } from './FocusCsvReader';
import { FocusHeader, PROVIDER_COLUMNS } from './FocusHeader';
import { memoizeText } from './memoizeText';
import { parseFocusTags } from './parseFocusTags';
import { parseFocusTime } from './parseFocusDay';

/**
 * A cost record of one day of a FOCUS row, with the row's EffectiveCost for that day
 * beside it, which the source gives the record (see FocusCostSource).
 */
export interface FocusCharge {
  record: CostRecord;
  /** The part of the row's EffectiveCost on the record's day, in micro-units. */
  effectiveCostMicros?: bigint;
}

/**
 * What became of one FOCUS row: its records, one per day of the window that its
 * charge period puts a part of it on (see FocusChargePeriod), or why it has none.
 */
export type FocusRowResult =
  | { type: 'records'; records: FocusCharge[] }
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
/** Distinct charge periods remembered: bounds memory on files with unique values. */
const MAX_PERIODS = 10_000;

type ChargePeriodOrReason = ReturnType<typeof FocusChargePeriod.read>;

/** Whether the object has a key; remembered, as rows share their tags objects. */
const tagsWithKeys = new WeakMap<object, boolean>();
function hasKeys(object: object): boolean {
  let has = tagsWithKeys.get(object);
  if (has === undefined) {
    has = Object.keys(object).length > 0;
    tagsWithKeys.set(object, has);
  }
  return has;
}

function quote(value: string): string {
  const shown =
    value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return JSON.stringify(shown);
}

/**
 * Maps FOCUS rows to cost records. A row is invalid when its BilledCost,
 * BillingCurrency or ChargePeriodStart is missing or malformed, when its
 * ChargePeriodEnd is not a date or comes before its start, when its Tags or
 * SkuPriceDetails are not a JSON object (or its Tags name a key twice once trimmed),
 * when a ListCost, EffectiveCost or quantity is not a number, or when it has another
 * number of fields than the header. A value of `NULL` is an empty value. Rows outside
 * the window are only checked for their charge period and field count.
 */
export class FocusRowMapper {
  // Parsed once per distinct text: these columns repeat a few values over many rows.
  private readonly time = memoizeText(parseFocusTime);
  /** Charge periods read, by one-time flag, start and end text. */
  private readonly periods = [new Map(), new Map()] as Array<
    Map<string, Map<string, ChargePeriodOrReason>>
  >;
  private periodCount = 0;
  private readonly tagsOf = memoizeText(parseFocusTags);
  private readonly detailsOf = memoizeText(parseFocusPriceDetails);
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
    const oneTime = FocusChargePeriod.isOneTime(
      get('ChargeCategory'),
      get('ChargeFrequency'),
    );
    const period = this.periodOf(
      oneTime,
      get('ChargePeriodStart'),
      get('ChargePeriodEnd'),
    );
    if (!(period instanceof FocusChargePeriod)) {
      return { type: 'invalid', reasons: [period.reason] };
    }
    const days = period.daysWithin(window);
    if (days.length === 0) {
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
    const effective = this.decimal(
      'EffectiveCost',
      get('EffectiveCost'),
      reasons,
    );
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

    const { unit, service, model, dimensionKind, dimension } = describeFocusRow(
      get,
      details,
      header.modelColumn,
      consumed ? 'ConsumedUnit' : 'PricingUnit',
    );
    const { entityRef, costCenter, team } =
      this.options.attribution.attribute(tags);
    const provider =
      this.providerSlug(header.first(values, PROVIDER_COLUMNS)) || 'unknown';
    const hasTags = tags !== undefined && hasKeys(tags);
    // Fields are set one by one rather than spread: this runs for every record.
    return {
      type: 'records',
      records: days.map(day => {
        const part = (amount: bigint) => period.share(amount, day);
        const record = { day } as CostRecord;
        if (entityRef !== undefined) record.entityRef = entityRef;
        if (costCenter !== undefined) record.costCenter = costCenter;
        if (team !== undefined) record.team = team;
        record.provider = provider;
        record.service = service;
        if (model !== undefined) record.model = model;
        record.dimensionKind = dimensionKind;
        record.dimension = dimension;
        if (quantity !== undefined) {
          record.quantity = part(quantity);
          if (unit) record.unit = unit;
        }
        record.billedCostMicros = part(billed);
        if (list !== undefined) record.listCostMicros = part(list);
        record.currency = currency;
        if (hasTags) record.tags = tags;
        return effective === undefined
          ? { record }
          : { record, effectiveCostMicros: part(effective) };
      }),
    };
  }

  /** The charge period of the texts; each distinct one is read once. */
  private periodOf(
    oneTime: boolean,
    start: string,
    end: string,
  ): ChargePeriodOrReason {
    const byStart = this.periods[oneTime ? 1 : 0];
    let byEnd = byStart.get(start);
    let period = byEnd?.get(end);
    if (period === undefined) {
      period = FocusChargePeriod.read(
        { start, end, oneTime },
        this.time,
        quote,
      );
      if (this.periodCount < MAX_PERIODS) {
        if (!byEnd) {
          byEnd = new Map();
          byStart.set(start, byEnd);
        }
        byEnd.set(end, period);
        this.periodCount += 1;
      }
    }
    return period;
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

  private details(
    value: string,
    reasons: string[],
  ): FocusPriceDetails | undefined {
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
