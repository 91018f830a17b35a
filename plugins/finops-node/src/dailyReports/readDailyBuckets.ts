import { DayWindow } from '@tollgate/plugin-finops-common';
import { VendorRequestErrorDetails } from '../http/VendorRequestError';
import {
  DailyBucket,
  DailyBucketStart,
  readDailyBucketPage,
} from './readDailyBucketPage';

/** More pages than any window of days needs: a server that never ends is an error. */
const MAX_PAGES = 1_000;

/**
 * What {@link readDailyBuckets} reads: one report of daily buckets for a window.
 *
 * @public
 */
export interface DailyBucketReportRequest {
  /** Names the report in messages, such as `OpenAI costs report`. */
  report: string;
  window: DayWindow;
  signal: AbortSignal;
  /** The URL of a page: the first without a cursor, then with each `next_page`. */
  pageUrl(page: string | undefined): URL;
  /** How the report's buckets say when they start. */
  start: DailyBucketStart;
  /** Gets a page's JSON body, such as a `JsonHttpClient`. */
  http: { getJson(url: URL, signal: AbortSignal): Promise<unknown> };
  /** The vendor's request error, for a malformed page or pages that never end. */
  createError(message: string, details: VendorRequestErrorDetails): Error;
}

/**
 * Every bucket of a vendor report of daily buckets for a window of days, following
 * `next_page` until `has_more` is false. A malformed page, or a cursor seen before,
 * or more pages than any window needs, throws the vendor's request error.
 *
 * @public
 */
export async function readDailyBuckets(
  request: DailyBucketReportRequest,
): Promise<DailyBucket[]> {
  const { report, window, signal, http, createError } = request;
  const buckets: DailyBucket[] = [];
  const seen = new Set<string>();
  let page: string | undefined;
  for (let count = 1; ; count++) {
    const url = request.pageUrl(page);
    const body = await http.getJson(url, signal);
    const read = readDailyBucketPage(body, window, request.start);
    if (typeof read === 'string') {
      throw createError(
        `${report} GET ${url} answered a malformed page: ${read}`,
        { url: url.toString(), status: 200 },
      );
    }
    buckets.push(...read.buckets);
    if (!read.nextPage) {
      return buckets;
    }
    if (seen.has(read.nextPage) || count >= MAX_PAGES) {
      throw createError(
        `${report} GET ${url} does not end: next_page ${JSON.stringify(
          read.nextPage,
        )} after ${count} pages`,
        { url: url.toString(), status: 200 },
      );
    }
    seen.add(read.nextPage);
    page = read.nextPage;
  }
}
