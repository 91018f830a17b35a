/**
 * Exact decimal arithmetic on bigint values with a fixed number of fraction digits.
 * Money never passes through floating point: it is parsed from text into integer
 * units, added and multiplied as integers, and formatted back into text.
 */

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * The longest decimal text read, and the largest exponent: parsing costs grow with
 * both, so that a short "1e-9999999" must be refused, not expanded.
 *
 * @public
 */
export const DECIMAL_LIMITS = { maxLength: 100, maxExponent: 60 } as const;

/**
 * Parses a plain decimal string (such as "12.5" or "-0.000001") into an integer scaled
 * by 10^scale. Returns undefined when the text is not a decimal or has more fraction
 * digits than the scale keeps.
 *
 * @public
 */
export function parseScaledDecimal(
  text: string,
  scale: number,
): bigint | undefined {
  if (text.length > DECIMAL_LIMITS.maxLength) {
    return undefined;
  }
  const expanded = expandExponent(text.trim());
  const match = DECIMAL_PATTERN.exec(expanded);
  if (!match) {
    return undefined;
  }
  const [, sign, whole, fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) {
    return undefined;
  }
  const units =
    BigInt(whole) * 10n ** BigInt(scale) +
    BigInt(trimmed.padEnd(scale, '0') || '0');
  return sign === '-' ? -units : units;
}

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const PLUS = 43;
const POINT = 46;
/** Digits a double holds exactly, with room to spare. */
const EXACT_DIGITS = 15;

/**
 * The fast path of parseScaledDecimal for short plain decimals such as "0.012345" or
 * "-12.5", which billing exports are full of: computed exactly in floating point (at
 * most 15 digits) without regular expressions or intermediate bigints. Answers
 * undefined for anything else, including text parseScaledDecimal would accept, so
 * callers fall back to it.
 *
 * @public
 */
export function parseShortDecimal(
  text: string,
  scale: number,
): bigint | undefined {
  const length = text.length;
  let i = 0;
  const sign = text.charCodeAt(0);
  if (sign === MINUS || sign === PLUS) {
    i = 1;
  }
  let whole = 0;
  const wholeStart = i;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) {
      break;
    }
    whole = whole * 10 + (code - ZERO);
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits + scale > EXACT_DIGITS) {
    return undefined;
  }
  let fraction = 0;
  let fractionDigits = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== POINT || i + 1 === length) {
      return undefined;
    }
    for (i += 1; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < ZERO || code > NINE || fractionDigits === scale) {
        return undefined;
      }
      fraction = fraction * 10 + (code - ZERO);
      fractionDigits += 1;
    }
  }
  const units = whole * 10 ** scale + fraction * 10 ** (scale - fractionDigits);
  return BigInt(sign === MINUS ? -units : units);
}

/** Rewrites "1.5e-7" style numbers as plain decimals; other text is left as it is. */
function expandExponent(text: string): string {
  const match = /^([+-])?(\d+)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!match) {
    return text;
  }
  const [, sign = '', whole, fraction = '', exponentText] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > DECIMAL_LIMITS.maxExponent) {
    return '';
  }
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) {
    result = `0.${'0'.repeat(-point)}${digits}`;
  } else if (point >= digits.length) {
    result = digits + '0'.repeat(point - digits.length);
  } else {
    result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return sign + result;
}

/**
 * Formats an integer scaled by 10^scale as a decimal string with at least minDigits
 * fraction digits (trailing zeros beyond that are dropped).
 *
 * @public
 */
export function formatScaledDecimal(
  units: bigint,
  scale: number,
  minDigits = 2,
): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(scale);
  const whole = abs / base;
  let fraction = (abs % base).toString().padStart(scale, '0');
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length < minDigits) {
    fraction = fraction.padEnd(minDigits, '0');
  }
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Divides with rounding half to even, so that many roundings do not drift.
 *
 * @public
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new RangeError('Division by zero');
  }
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twice = (n % d) * 2n;
  if (twice > d || (twice === d && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}
