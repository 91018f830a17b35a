/**
 * One result of a vendor's daily report before it is grouped as asked: the fields a
 * report can group by, and the counts or amounts it adds up.
 */
export interface ReportRow {
  day: string;
  groups: Record<string, string>;
  values: Record<string, bigint>;
}

/** A result grouped as asked: the fields grouped by hold a value, the others null. */
export interface GroupedResult {
  groups: Record<string, string | null>;
  values: Record<string, bigint>;
}

/**
 * Adds up one day's rows by the fields asked for, as a vendor's report does when
 * asked to group by them: the results in the order their first rows come, each
 * holding the sums of its rows and null for the fields not grouped by.
 */
export function groupRows(
  rows: readonly ReportRow[],
  groupBy: readonly string[],
): GroupedResult[] {
  const results = new Map<string, GroupedResult>();
  for (const row of rows) {
    const groups: Record<string, string | null> = {};
    for (const field of Object.keys(row.groups)) {
      groups[field] = groupBy.includes(field) ? row.groups[field] : null;
    }
    const key = JSON.stringify(groups);
    const result = results.get(key);
    if (!result) {
      results.set(key, { groups, values: { ...row.values } });
      continue;
    }
    for (const [field, value] of Object.entries(row.values)) {
      result.values[field] = (result.values[field] ?? 0n) + value;
    }
  }
  return [...results.values()];
}

/** Rows indexed by their day. */
export function rowsByDay<T extends { day: string }>(
  rows: Iterable<T>,
): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const row of rows) {
    const list = byDay.get(row.day);
    if (list) {
      list.push(row);
    } else {
      byDay.set(row.day, [row]);
    }
  }
  return byDay;
}

/**
 * The rows a report's filters allow: each filter names a field and the query parameter
 * (repeated for several values) that limits it; a parameter not given allows all.
 */
export function filteredRows(
  rows: readonly ReportRow[] | undefined,
  filters: Record<string, string>,
  query: URLSearchParams,
): ReportRow[] {
  const limits = Object.entries(filters).flatMap(([field, param]) => {
    const allowed = query.getAll(param);
    return allowed.length ? [{ field, allowed }] : [];
  });
  return (rows ?? []).filter(row =>
    limits.every(limit => limit.allowed.includes(row.groups[limit.field])),
  );
}
