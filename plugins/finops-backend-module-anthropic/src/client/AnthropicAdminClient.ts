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
  DailyBucket,
  DailyBucketStart,
  JsonHttpClient,
  RetryPolicy,
  readDailyBuckets,
} from '@tollgate/plugin-finops-node';
import { AnthropicRequestError } from '../http/AnthropicRequestError';
import { AnthropicEndpoint } from './AnthropicEndpoint';

const RFC_3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Buckets start at an RFC 3339 time. */
const BUCKET_START: DailyBucketStart = {
  field: 'starting_at',
  expected: 'an RFC 3339 time',
  read: value =>
    typeof value === 'string' && RFC_3339.test(value)
      ? new Date(Date.parse(value))
      : undefined,
};

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
  readBuckets(
    endpoint: AnthropicEndpoint,
    window: DayWindow,
    signal: AbortSignal,
  ): Promise<DailyBucket[]> {
    return readDailyBuckets({
      report: `Anthropic ${endpoint.name} report`,
      window,
      signal,
      pageUrl: page => this.pageUrl(endpoint, window, page),
      start: BUCKET_START,
      http: this.http,
      createError: (message, details) =>
        new AnthropicRequestError(message, details),
    });
  }
}
