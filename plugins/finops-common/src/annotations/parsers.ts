import { divideRounded } from '../money/Decimal';
import { CURRENCY_PATTERN, parseMicros, parseUnitPrice } from '../money/Money';
import { isCurrencyCode } from '../money/currency';
import { ParseResult, parseError, parsed } from './ParseResult';

/** The period a budget covers, calendar-aligned in UTC. @public */
export type BudgetPeriod = 'month' | 'quarter' | 'year';
/** @public */
export const BUDGET_PERIODS: readonly BudgetPeriod[] = [
  'month',
  'quarter',
  'year',
];

/** @public */
export type BudgetEnforcement = 'advisory' | 'hard';
/** @public */
export const BUDGET_ENFORCEMENTS: readonly BudgetEnforcement[] = [
  'advisory',
  'hard',
];

/** How an API bills, as a whole. @public */
export type BillingGranularity =
  | 'free'
  | 'free-tier'
  | 'paid-tier'
  | 'metered'
  | 'quota-limited';
/** @public */
export const BILLING_GRANULARITIES: readonly BillingGranularity[] = [
  'free',
  'free-tier',
  'paid-tier',
  'metered',
  'quota-limited',
];

/** How one API operation bills. @public */
export type OperationBilling = 'chargeable' | 'metered' | 'free';
/** @public */
export const OPERATION_BILLINGS: readonly OperationBilling[] = [
  'chargeable',
  'metered',
  'free',
];

/** @public */
export const DEFAULT_BUDGET_THRESHOLDS: readonly number[] = [50, 80, 100];

/** A declared budget such as "2500 USD/month". @public */
export interface DeclaredBudget {
  amountMicros: bigint;
  currency: string;
  period: BudgetPeriod;
}

/** A per-unit price such as "0.004 USD/call". @public */
export interface DeclaredPrice {
  /** Price per unit in units of 10^-12. */
  unitPrice: bigint;
  currency: string;
  unit: string;
}

const LABEL_VALUE_PATTERN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)$/;

/**
 * Checks a Kubernetes label value: at most 63 characters of [a-z0-9A-Z._-], starting
 * and ending with an alphanumeric character.
 *
 * @public
 */
export function parseLabelValue(
  name: string,
  value: unknown,
): ParseResult<string> {
  if (typeof value !== 'string' || !LABEL_VALUE_PATTERN.test(value)) {
    return parseError(
      name,
      value,
      'a Kubernetes label value: at most 63 characters of letters, digits, ".", "_" or "-", starting and ending with a letter or digit',
    );
  }
  return parsed(value);
}

/**
 * Parses a budget such as "2500 USD/month", "9000 EUR/quarter" or "1,200.50 USD / year".
 *
 * @public
 */
export function parseBudget(
  name: string,
  value: unknown,
): ParseResult<DeclaredBudget> {
  const expected =
    'an amount, a currency code and a period, such as "2500 USD/month" (periods: month, quarter, year)';
  if (typeof value !== 'string') {
    return parseError(name, value, expected);
  }
  const match =
    /^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([A-Za-z]{3})\s*\/\s*([a-z]+)\s*$/.exec(
      value,
    );
  if (!match) {
    return parseError(name, value, expected);
  }
  const [, amountText, currencyText, periodText] = match;
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(amountText)) {
    return parseError(name, value, expected);
  }
  const amountMicros = parseMicros(amountText.replace(/,/g, ''));
  if (amountMicros === undefined || amountMicros <= 0n) {
    return parseError(name, value, `a positive amount; ${expected}`);
  }
  const currency = currencyText.toUpperCase();
  if (currency !== currencyText) {
    return parseError(name, value, `an upper-case currency code; ${expected}`);
  }
  if (!isCurrencyCode(currency)) {
    return parseError(name, value, `an ISO 4217 currency code; ${expected}`);
  }
  if (!BUDGET_PERIODS.includes(periodText as BudgetPeriod)) {
    return parseError(name, value, expected);
  }
  return parsed({ amountMicros, currency, period: periodText as BudgetPeriod });
}

/** More thresholds than this are surely a mistake. */
const MAX_THRESHOLDS = 20;

/**
 * Parses budget thresholds such as "50,80,100": whole percentages from 1 to 1000,
 * strictly increasing.
 *
 * @public
 */
export function parseThresholds(
  name: string,
  value: unknown,
): ParseResult<number[]> {
  const expected =
    'comma-separated whole percentages from 1 to 1000 in increasing order, such as "50,80,100"';
  let parts: string[] | undefined;
  if (Array.isArray(value) && value.length <= MAX_THRESHOLDS) {
    parts = value.map(v =>
      typeof v === 'number' || typeof v === 'string' ? String(v) : '',
    );
  } else if (typeof value === 'string' && value.length <= 100) {
    parts = value.split(',').map(v => v.trim().replace(/%$/, ''));
  }
  if (!parts || parts.length === 0) {
    return parseError(name, value, expected);
  }
  const thresholds: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,4}$/.test(part)) {
      return parseError(name, value, expected);
    }
    const n = Number(part);
    if (n < 1 || n > 1000) {
      return parseError(name, value, expected);
    }
    if (thresholds.length && n <= thresholds[thresholds.length - 1]) {
      return parseError(name, value, expected);
    }
    thresholds.push(n);
  }
  return parsed(thresholds);
}

function parseWord<T extends string>(
  name: string,
  value: unknown,
  words: readonly T[],
): ParseResult<T> {
  if (typeof value === 'string' && words.includes(value as T)) {
    return parsed(value as T);
  }
  return parseError(name, value, `one of ${words.join(', ')}`);
}

/** @public */
export function parseEnforcement(
  name: string,
  value: unknown,
): ParseResult<BudgetEnforcement> {
  return parseWord(name, value, BUDGET_ENFORCEMENTS);
}

/**
 * A latency objective such as `800ms` or `1.5s`, in seconds; more than zero.
 *
 * @public
 */
export function parseLatencySlo(
  name: string,
  value: unknown,
): ParseResult<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/.exec(
    typeof value === 'string' ? value : '',
  );
  const seconds = match ? Number(match[1]) / (match[2] === 'ms' ? 1000 : 1) : 0;
  return seconds > 0
    ? parsed(seconds)
    : parseError(
        name,
        value,
        'a duration above zero in ms or s, such as 800ms or 1.5s',
      );
}

/** @public */
export function parseBillingGranularity(
  name: string,
  value: unknown,
): ParseResult<BillingGranularity> {
  return parseWord(name, value, BILLING_GRANULARITIES);
}

/** @public */
export function parseOperationBilling(
  name: string,
  value: unknown,
): ParseResult<OperationBilling> {
  return parseWord(name, value, OPERATION_BILLINGS);
}

/**
 * Parses a per-unit price such as "0.004 USD/call" or "2.50 USD/1M tokens".
 * A count before the unit ("1M", "1000") divides the price.
 *
 * @public
 */
export function parsePrice(
  name: string,
  value: unknown,
): ParseResult<DeclaredPrice> {
  const expected =
    'an amount, a currency code and a unit, such as "0.004 USD/call" or "2.50 USD/1M tokens"';
  if (typeof value !== 'string') {
    return parseError(name, value, expected);
  }
  const match =
    /^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Z]{3})\s*\/\s*(?:([0-9]+)([kKM]?)\s*)?([a-z][a-z0-9_-]*)\s*$/.exec(
      value,
    );
  if (!match || !CURRENCY_PATTERN.test(match[2])) {
    return parseError(name, value, expected);
  }
  const [, amountText, currency, countText, multiplier, unitWord] = match;
  const price = parseUnitPrice(amountText);
  if (price === undefined) {
    return parseError(name, value, expected);
  }
  const multipliers: Record<string, bigint> = {
    '': 1n,
    k: 1000n,
    K: 1000n,
    M: 1_000_000n,
  };
  const count = BigInt(countText ?? '1') * multipliers[multiplier ?? ''];
  if (count === 0n) {
    return parseError(name, value, expected);
  }
  const unit = unitWord.replace(/s$/, '');
  return parsed({ unitPrice: divideRounded(price, count), currency, unit });
}

/** A cap on spend over a trailing window, such as `25 USD/hour`. @public */
export interface SpendRateLimit {
  amountMicros: bigint;
  currency: string;
  /** The trailing window, in milliseconds. */
  windowMs: number;
  /** The window as written: minute, hour or day. */
  per: 'minute' | 'hour' | 'day';
}

const RATE_WINDOWS_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * Parses a spend-rate limit: an amount, an ISO 4217 currency code and a window of a
 * minute, an hour or a day, such as "25 USD/hour" or "200 USD/day".
 *
 * @public
 */
export function parseSpendRateLimit(
  name: string,
  value: unknown,
): ParseResult<SpendRateLimit> {
  const expected =
    'an amount, a currency code and a window, such as "25 USD/hour" (windows: minute, hour, day)';
  if (typeof value !== 'string' || value.length > 100) {
    return parseError(name, value, expected);
  }
  const match =
    /^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Z]{3})\s*\/\s*(minute|hour|day)\s*$/.exec(
      value,
    );
  const amountMicros = match ? parseMicros(match[1]) : undefined;
  if (!match || amountMicros === undefined || amountMicros <= 0n) {
    return parseError(name, value, expected);
  }
  if (!isCurrencyCode(match[2])) {
    return parseError(name, value, `an ISO 4217 currency code; ${expected}`);
  }
  const per = match[3] as SpendRateLimit['per'];
  return parsed({
    amountMicros,
    currency: match[2],
    windowMs: RATE_WINDOWS_MS[per],
    per,
  });
}
