import {
  DayWindow,
  addDays,
  windowLength,
} from '@tollgate/plugin-finops-common';
import {
  ANTHROPIC_VERSION,
  AnthropicSourceConfig,
} from '../config/AnthropicSourceConfig';
import {
  DEFAULT_RETRY_POLICY,
  JsonHttpClient,
  RetryPolicy,
} from '@tollgate/plugin-finops-node';
import { AnthropicRequestError } from '../http/AnthropicRequestError';
import { AnthropicEndpoint } from './AnthropicEndpoint';
import { AnthropicBucket, readPage } from './readPage';

/** More pages than any window of days needs: a server that never ends is an error. */
const MAX_PAGES = 1_000;

/**
 * Reads the usage and cost reports of the Anthropic Admin API with an admin key:
 * daily buckets of a window of UTC days, grouped as the endpoint says, following
 * `next_page` (sent back as `page`) until `has_more` is false.
 */
export class AnthropicAdminClient {
  private readonly http: JsonHttpClient;

  constructor(
    private readonly config: Pick<
      AnthropicSourceConfig,
      'baseUrl' | 'adminKey' | 'timeoutMs'
    >,
    retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.http = new JsonHttpClient({
      headers: {
        'x-api-key': config.adminKey,
        'anthropic-version': ANTHROPIC_VERSION,
      },
      timeoutMs: config.timeoutMs,
      retry,
      createError: (message, details) =>
        new AnthropicRequestError(message, details),
    });
  }

  /** The URL of one page of a report for a window of days. */
  pageUrl(endpoint: AnthropicEndpoint, window: DayWindow, page?: string): URL {
    const url = new URL(`${this.config.baseUrl}${endpoint.path}`);
    const params = url.searchParams;
    params.set('starting_at', `${window.from}T00:00:00Z`);
    params.set('ending_at', `${addDays(window.to, 1)}T00:00:00Z`);
    params.set('bucket_width', '1d');
    params.set(
      'limit',
      String(Math.min(windowLength(window), endpoint.maxBucketsPerPage)),
    );
    for (const field of endpoint.groupBy) {
      params.append('group_by[]', field);
    }
    if (page) {
      params.set('page', page);
    }
    return url;
  }

  /** Every bucket of a report for a window of days, page after page. */
  async readBuckets(
    endpoint: AnthropicEndpoint,
    window: DayWindow,
    signal: AbortSignal,
  ): Promise<AnthropicBucket[]> {
    const buckets: AnthropicBucket[] = [];
    const seen = new Set<string>();
    let page: string | undefined;
    for (let count = 1; ; count++) {
      const url = this.pageUrl(endpoint, window, page);
      const body = await this.http.getJson(url, signal);
      const read = readPage(body, window);
      if (typeof read === 'string') {
        throw new AnthropicRequestError(
          `Anthropic ${endpoint.name} report GET ${url} answered a malformed page: ${read}`,
          { url: url.toString(), status: 200 },
        );
      }
      buckets.push(...read.buckets);
      if (!read.nextPage) {
        return buckets;
      }
      if (seen.has(read.nextPage) || count >= MAX_PAGES) {
        throw new AnthropicRequestError(
          `Anthropic ${
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
