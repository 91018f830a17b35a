/**
 * Writes values as the text of a one-dimensional PostgreSQL array, such as
 * `{"a","b \"c\"",NULL,12}`: strings and dates quoted and escaped, null and undefined
 * as NULL, numbers, bigints and booleans as they are.
 */
export function toPgArrayLiteral(values: readonly unknown[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) {
      text += ',';
    }
    text += element(values[i]);
  }
  return `${text}}`;
}

function element(value: unknown): string {
  if (value === null || value === undefined) {
    return 'NULL';
  }
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) {
        return '"NaN"';
      }
      if (!Number.isFinite(value)) {
        return value > 0 ? '"Infinity"' : '"-Infinity"';
      }
      return String(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'string':
      return quote(value);
    default:
      if (value instanceof Date) {
        return quote(value.toISOString());
      }
      return quote(JSON.stringify(value));
  }
}

const SPECIAL = /["\\]/g;

function quote(text: string): string {
  return `"${text.replace(SPECIAL, '\\$&')}"`;
}
