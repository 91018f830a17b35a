import {
  divideRounded,
  formatScaledDecimal,
  parseScaledDecimal,
  parseShortDecimal,
} from './Decimal';

/** Money is kept as integer micro-units (10^-6 of the currency unit). @public */
export const MONEY_SCALE = 6;
const MICROS = 10n ** BigInt(MONEY_SCALE);

/**
 * Quantities (tokens, calls, core-hours, GiB-hours) are kept with 6 fraction digits.
 *
 * @public
 */
export const QUANTITY_SCALE = 6;

/**
 * Prices per unit are kept with 12 fraction digits, enough for per-token prices such
 * as 0.000000075 USD.
 *
 * @public
 */
export const UNIT_PRICE_SCALE = 12;

/** An ISO 4217 currency code such as USD. @public */
export type CurrencyCode = string;

/** An amount of money in exact integer micro-units. @public */
export interface Money {
  micros: bigint;
  currency: CurrencyCode;
}

/** @public */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * The largest magnitude of a stored amount, quantity or price, in its scaled units:
 * below 2^63, so that it fits a 64-bit integer column and sums of it do not pass one
 * at once. 9e18 micro-units are 9,000,000,000,000 of a currency.
 *
 * @public
 */
export const MAX_SCALED_UNITS = 9_000_000_000_000_000_000n;

/** The largest amount of money accepted, as text people read. @public */
export const MAX_MONEY_TEXT = '9000000000000';

function bounded(units: bigint | undefined): bigint | undefined {
  return units !== undefined &&
    units <= MAX_SCALED_UNITS &&
    units >= -MAX_SCALED_UNITS
    ? units
    : undefined;
}

/**
 * Parses a decimal amount ("12.34", "-0.5", "1e-7") into micro-units; amounts finer
 * than a micro-unit are rounded half to even. Returns undefined for anything that is
 * not a finite decimal number, is longer than DECIMAL_LIMITS allow, or is beyond
 * {@link MAX_SCALED_UNITS} micro-units.
 *
 * @public
 */
export function parseMicros(text: string | number): bigint | undefined {
  return bounded(parseAnyMicros(text));
}

function parseAnyMicros(text: string | number): bigint | undefined {
  const source = typeof text === 'number' ? numberToText(text) : text;
  if (source === undefined) {
    return undefined;
  }
  const short = parseShortDecimal(source, MONEY_SCALE);
  if (short !== undefined) {
    return short;
  }
  const exact = parseScaledDecimal(source, UNIT_PRICE_SCALE + MONEY_SCALE);
  if (exact === undefined) {
    return undefined;
  }
  return divideRounded(exact, 10n ** BigInt(UNIT_PRICE_SCALE));
}

/** Parses a decimal quantity into units of 10^-6, bounded as parseMicros is. @public */
export function parseQuantity(text: string | number): bigint | undefined {
  return bounded(parseAnyQuantity(text));
}

function parseAnyQuantity(text: string | number): bigint | undefined {
  const source = typeof text === 'number' ? numberToText(text) : text;
  if (source === undefined) {
    return undefined;
  }
  const short = parseShortDecimal(source, QUANTITY_SCALE);
  if (short !== undefined) {
    return short;
  }
  const exact = parseScaledDecimal(source, 2 * QUANTITY_SCALE);
  return exact === undefined
    ? undefined
    : divideRounded(exact, 10n ** BigInt(QUANTITY_SCALE));
}

/** Parses a per-unit price into units of 10^-12, bounded as parseMicros is. @public */
export function parseUnitPrice(text: string | number): bigint | undefined {
  return bounded(parseAnyUnitPrice(text));
}

function parseAnyUnitPrice(text: string | number): bigint | undefined {
  const source = typeof text === 'number' ? numberToText(text) : text;
  if (source === undefined) {
    return undefined;
  }
  const exact = parseScaledDecimal(source, 2 * UNIT_PRICE_SCALE);
  return exact === undefined
    ? undefined
    : divideRounded(exact, 10n ** BigInt(UNIT_PRICE_SCALE));
}

/**
 * JSON numbers such as 2.5e-7 become text through JavaScript's shortest round-trip
 * form, which is the decimal the author wrote.
 */
function numberToText(value: number): string | undefined {
  return Number.isFinite(value) ? String(value) : undefined;
}

/** Formats micro-units as a decimal string with at least two fraction digits. @public */
export function formatMicros(micros: bigint, minDigits = 2): string {
  return formatScaledDecimal(micros, MONEY_SCALE, minDigits);
}

/**
 * Formats micro-units rounded half to even to cents, for text that people read such
 * as alert descriptions; amounts in the API keep every digit.
 *
 * @public
 */
export function formatCents(micros: bigint): string {
  const cents = divideRounded(micros, MICROS / 100n);
  return formatScaledDecimal(cents, 2, 2);
}

/** Formats a quantity kept in units of 10^-6. @public */
export function formatQuantity(quantity: bigint): string {
  return formatScaledDecimal(quantity, QUANTITY_SCALE, 0);
}

/** Formats a unit price kept in units of 10^-12. @public */
export function formatUnitPrice(price: bigint): string {
  return formatScaledDecimal(price, UNIT_PRICE_SCALE, 0);
}

/**
 * The exact cost of a quantity at a unit price, rounded half to even to micro-units.
 *
 * @public
 */
export function costOf(quantity: bigint, unitPrice: bigint): bigint {
  return divideRounded(
    quantity * unitPrice,
    10n ** BigInt(QUANTITY_SCALE + UNIT_PRICE_SCALE - MONEY_SCALE),
  );
}

/** Converts micro-units to a float for display-only purposes such as charts. @public */
export function microsToNumber(micros: bigint): number {
  return Number(micros) / Number(MICROS);
}

/** Sums micro-units exactly. @public */
export function sumMicros(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) {
    total += value;
  }
  return total;
}
