/** A timestamp column as ISO 8601: PostgreSQL gives Dates, SQLite numbers or strings. */
export function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const date =
    value instanceof Date ? value : new Date(value as string | number);
  return date.toISOString();
}
