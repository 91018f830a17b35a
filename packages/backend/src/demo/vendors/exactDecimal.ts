/**
 * Exact decimal amounts as integers of a fixed scale: `parseDecimal('1.25', 6)` is
 * 1_250_000n, `formatDecimal(1_250_000n, 6)` is `1.25`. Money in the vendor replays
 * is kept in nano-dollars, so that half of any micro-dollar amount is exact.
 */

/** Nano-dollars in a dollar. */
export const NANOS_SCALE = 9;

/** Micro-dollars to nano-dollars. */
export function microsToNanos(micros: bigint): bigint {
  return micros * 1000n;
}

/** Decimal text with at most `scale` fraction digits as integer units of 10^-scale. */
export function parseDecimal(text: string, scale: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[3] ?? '').length > scale) {
    throw new Error(
      `"${text}" is not a decimal with at most ${scale} fraction digits`,
    );
  }
  const [, sign, whole, fraction = ''] = match;
  const units =
    BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0'));
  return sign ? -units : units;
}

/** Integer units of 10^-scale as decimal text, without trailing zeros. */
export function formatDecimal(units: bigint, scale: number): string {
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const base = 10n ** BigInt(scale);
  const fraction = (magnitude % base)
    .toString()
    .padStart(scale, '0')
    .replace(/0+$/, '');
  return `${sign}${magnitude / base}${fraction ? `.${fraction}` : ''}`;
}
