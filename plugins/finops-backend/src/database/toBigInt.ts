/**
 * Reads an integer column as bigint: PostgreSQL returns bigint and numeric sums as
 * text, SQLite as numbers.
 */
export function toBigInt(value: unknown): bigint {
  if (value === null || value === undefined) {
    return 0n;
  }
  if (typeof value === 'bigint') {
    return value;
  }
  if (typeof value === 'number') {
    return BigInt(Math.round(value));
  }
  return BigInt(String(value).replace(/\.0*$/, ''));
}

export function toOptionalBigInt(value: unknown): bigint | undefined {
  return value === null || value === undefined ? undefined : toBigInt(value);
}
