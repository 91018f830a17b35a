/** One row of the spend logs: one request through the proxy. */
export type SpendLogRow = Record<string, unknown>;

/** A page of `/spend/logs/v2`, checked. */
export interface SpendLogsPage {
  rows: SpendLogRow[];
  /** How many pages the server holds for the query, as it says now. */
  totalPages: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 80);
}

/**
 * Checks one page of `GET /spend/logs/v2` (`{ data: [row], total, page, page_size,
 * total_pages }`, numbers as their text) and answers its rows and page count, or
 * what makes it unusable.
 */
export function readSpendLogsPage(body: unknown): SpendLogsPage | string {
  if (!isObject(body) || !Array.isArray(body.data)) {
    return `the body is ${show(body)}, expected a page with a data array`;
  }
  const bad = body.data.findIndex(row => !isObject(row));
  if (bad >= 0) {
    return `data[${bad}] is ${show(
      body.data[bad],
    )}, expected a spend log object`;
  }
  const totalPages = body.total_pages;
  if (typeof totalPages !== 'string' || !/^\d{1,9}$/.test(totalPages)) {
    return `total_pages is ${show(totalPages)}, expected a whole number`;
  }
  return { rows: body.data as SpendLogRow[], totalPages: Number(totalPages) };
}
