import { DayWindow, dayOf } from '@tollgate/plugin-finops-common';

/** One daily bucket of a report page: its UTC day and its result objects. */
export interface AnthropicBucket {
  day: string;
  results: Array<Record<string, unknown>>;
}

/** A report page, checked. */
export interface AnthropicPage {
  buckets: AnthropicBucket[];
  /** The cursor of the next page; undefined on the last one. */
  nextPage?: string;
}

const RFC_3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 80);
}

function readBucket(
  value: unknown,
  index: number,
  window: DayWindow,
): AnthropicBucket | string {
  const where = `data[${index}]`;
  if (!isObject(value)) {
    return `${where} is ${show(value)}, expected a bucket object`;
  }
  const start = value.starting_at;
  const time =
    typeof start === 'string' && RFC_3339.test(start) ? Date.parse(start) : NaN;
  if (Number.isNaN(time)) {
    return `${where}.starting_at is ${show(start)}, expected an RFC 3339 time`;
  }
  const day = dayOf(new Date(time));
  if (day < window.from || day > window.to) {
    return `${where} starts on ${day}, outside the requested days ${window.from}..${window.to}`;
  }
  if (!Array.isArray(value.results)) {
    return `${where}.results is ${show(value.results)}, expected an array`;
  }
  const results = value.results;
  const bad = results.findIndex(result => !isObject(result));
  if (bad >= 0) {
    return `${where}.results[${bad}] is ${show(
      results[bad],
    )}, expected an object`;
  }
  return { day, results };
}

/**
 * Checks one page of an Anthropic Admin API report (`{ data: [{ starting_at,
 * ending_at, results }], has_more, next_page }`, numbers as their text) and answers
 * its buckets and next cursor, or what makes it unusable.
 */
export function readPage(
  body: unknown,
  window: DayWindow,
): AnthropicPage | string {
  if (!isObject(body) || !Array.isArray(body.data)) {
    return `the body is ${show(body)}, expected a page with a data array`;
  }
  const buckets: AnthropicBucket[] = [];
  for (const [index, value] of body.data.entries()) {
    const bucket = readBucket(value, index, window);
    if (typeof bucket === 'string') {
      return bucket;
    }
    buckets.push(bucket);
  }
  if (body.has_more !== true) {
    return { buckets };
  }
  if (typeof body.next_page !== 'string' || !body.next_page) {
    return `has_more is true but next_page is ${show(body.next_page)}`;
  }
  return { buckets, nextPage: body.next_page };
}
