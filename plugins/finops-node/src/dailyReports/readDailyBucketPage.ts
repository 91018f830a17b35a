import { DayWindow, dayOf } from '@tollgate/plugin-finops-common';

/**
 * One daily bucket of a vendor report page: its UTC day and its result objects.
 *
 * @public
 */
export interface DailyBucket {
  day: string;
  results: Array<Record<string, unknown>>;
}

/**
 * A daily bucket report page, checked: its buckets and the cursor of the next page
 * (undefined on the last one).
 */
export interface DailyBucketPage {
  buckets: DailyBucket[];
  nextPage?: string;
}

/**
 * How the buckets of a vendor's report say when they start.
 *
 * @public
 */
export interface DailyBucketStart {
  /** The bucket field holding the start, such as `starting_at`. */
  field: string;
  /** What the field should hold, for messages: `an RFC 3339 time`. */
  expected: string;
  /** The time a field value stands for, or undefined when it is not one. */
  read(value: unknown): Date | undefined;
}

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
  start: DailyBucketStart,
): DailyBucket | string {
  const where = `data[${index}]`;
  if (!isObject(value)) {
    return `${where} is ${show(value)}, expected a bucket object`;
  }
  const startValue = value[start.field];
  const time = start.read(startValue);
  if (!time || Number.isNaN(time.getTime())) {
    return `${where}.${start.field} is ${show(startValue)}, expected ${
      start.expected
    }`;
  }
  const day = dayOf(time);
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
 * Checks one page of a vendor report of daily buckets, as the OpenAI organization
 * and Anthropic Admin APIs answer: a `data` array of buckets (each with its start
 * and `results`), `has_more` and `next_page`, numbers as their text. Answers its
 * buckets and next cursor, or what makes it unusable.
 */
export function readDailyBucketPage(
  body: unknown,
  window: DayWindow,
  start: DailyBucketStart,
): DailyBucketPage | string {
  if (!isObject(body) || !Array.isArray(body.data)) {
    return `the body is ${show(body)}, expected a page with a data array`;
  }
  const buckets: DailyBucket[] = [];
  for (const [index, value] of body.data.entries()) {
    const bucket = readBucket(value, index, window, start);
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
