const MARK = '\u0000decimal:';

/**
 * A JSON number written as the exact decimal text given, such as a dollar amount
 * `0.1234565` that the vendor's API writes as a float.
 */
export function jsonDecimal(text: string): unknown {
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    throw new Error(`"${text}" is not a decimal number`);
  }
  return `${MARK}${text}`;
}

/**
 * A value as JSON text, its {@link jsonDecimal}s as numbers written exactly, and
 * bigints as whole numbers.
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    typeof v === 'bigint' ? `${MARK}${v}` : v,
  ).replace(/"\\u0000decimal:(-?\d+(?:\.\d+)?)"/g, '$1');
}
