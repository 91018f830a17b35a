import {
  DayWindow,
  addDays,
  windowLength,
} from '@tollgate/plugin-finops-common';
import { OpenAiSourceConfig } from '../config/OpenAiSourceConfig';
import {
  DEFAULT_RETRY_POLICY,
  JsonHttpClient,
  RetryPolicy,
} from '@tollgate/plugin-finops-node';
import { OpenAiRequestError } from '../http/OpenAiRequestError';
import { OpenAiEndpoint } from './OpenAiEndpoint';
import { OpenAiBucket, readPage } from './readPage';

/** More pages than any window of days needs: a server that never ends is an error. */
const MAX_PAGES = 1_000;

function unixSeconds(day: string): string {
  return String(Date.parse(`${day}T00:00:00Z`) / 1000);
}

/**
 * Reads the organization reports of the OpenAI API with an admin key: daily buckets
 * of a window of UTC days, grouped as the endpoint says, following `next_page` until
 * `has_more` is false.
 */
export class OpenAiAdminClient {
  private readonly http: JsonHttpClient;

  constructor(
    private readonly config: Pick<
      OpenAiSourceConfig,
      'baseUrl' | 'adminKey' | 'timeoutMs'
    >,
    retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.http = new JsonHttpClient({
      headers: { authorization: `Bearer ${config.adminKey}` },
      timeoutMs: config.timeoutMs,
      retry,
      createError: (message, details) =>
        new OpenAiRequestError(message, details),
    });
  }

  /** The URL of one page of a report for a window of days. */
  pageUrl(endpoint: OpenAiEndpoint, window: DayWindow, page?: string): URL {
    const url = new URL(`${this.config.baseUrl}${endpoint.path}`);
    const params = url.searchParams;
    params.set('start_time', unixSeconds(window.from));
    params.set('end_time', unixSeconds(addDays(window.to, 1)));
    params.set('bucket_width', '1d');
    params.set(
      'limit',
      String(Math.min(windowLength(window), endpoint.maxBucketsPerPage)),
    );
    for (const field of endpoint.groupBy) {
      params.append('group_by', field);
    }
    if (page) {
      params.set('page', page);
    }
    return url;
  }

  /** Every bucket of a report for a window of days, page after page. */
  async readBuckets(
    endpoint: OpenAiEndpoint,
    window: DayWindow,
    signal: AbortSignal,
  ): Promise<OpenAiBucket[]> {
    const buckets: OpenAiBucket[] = [];
    const seen = new Set<string>();
    let page: string | undefined;
    for (let count = 1; ; count++) {
      const url = this.pageUrl(endpoint, window, page);
      const body = await this.http.getJson(url, signal);
      const read = readPage(body, window);
      if (typeof read === 'string') {
        throw new OpenAiRequestError(
          `OpenAI ${endpoint.name} report GET ${url} answered a malformed page: ${read}`,
          { url: url.toString(), status: 200 },
        );
      }
      buckets.push(...read.buckets);
      if (!read.nextPage) {
        return buckets;
      }
      if (seen.has(read.nextPage) || count >= MAX_PAGES) {
        throw new OpenAiRequestError(
          `OpenAI ${
            endpoint.name
          } report GET ${url} does not end: next_page ${JSON.stringify(
            read.nextPage,
          )} after ${count} pages`,
          { url: url.toString(), status: 200 },
        );
      }
      seen.add(read.nextPage);
      page = read.nextPage;
    }
  }
}
