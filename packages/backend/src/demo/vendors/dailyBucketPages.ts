const DAY_MS = 86_400_000;

/** The bucket days a page holds, and the cursor of the next page where one follows. */
export interface BucketPage {
  days: string[];
  nextPage?: string;
}

/**
 * The daily buckets of a report query, a page at a time as the OpenAI organization and
 * Anthropic Admin APIs give them: the days from `start` to before `end` (UTC
 * midnights), at most `limit` buckets a page, from the day the cursor names. A
 * cursor (`page_` and the base64 of its first day) that names no day of the query is
 * an error, as is a start or end that is not a midnight.
 */
export function bucketPage(query: {
  start: Date;
  end: Date;
  limit: number;
  page?: string;
}): BucketPage | string {
  const { start, end, limit, page } = query;
  if (start.getTime() % DAY_MS !== 0 || end.getTime() % DAY_MS !== 0) {
    return 'daily buckets start and end at a UTC midnight';
  }
  if (end.getTime() <= start.getTime()) {
    return 'the end is not after the start';
  }
  const days: string[] = [];
  for (let at = start.getTime(); at < end.getTime(); at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  let first = 0;
  if (page !== undefined) {
    const day = Buffer.from(page.replace(/^page_/, ''), 'base64').toString();
    first = days.indexOf(day);
    if (!page.startsWith('page_') || first < 0) {
      return `page ${JSON.stringify(page)} is not a cursor of this query`;
    }
  }
  const shown = days.slice(first, first + limit);
  const next = days[first + limit];
  return next === undefined
    ? { days: shown }
    : { days: shown, nextPage: `page_${Buffer.from(next).toString('base64')}` };
}

/** The start of a UTC day, in Unix seconds. */
export function unixSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** The day after a UTC day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS)
    .toISOString()
    .slice(0, 10);
}
