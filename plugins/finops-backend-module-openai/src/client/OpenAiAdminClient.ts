import {
  DayWindow,
  addDays,
  windowLength,
} from '@tollgate/plugin-finops-common';
import { OpenAiSourceConfig } from '../config/OpenAiSourceConfig';
import {
  DEFAULT_RETRY_POLICY,
  DailyBucket,
  DailyBucketStart,
  JsonHttpClient,
  RetryPolicy,
  readDailyBuckets,
} from '@tollgate/plugin-finops-node';
import { OpenAiRequestError } from '../http/OpenAiRequestError';
import { OpenAiEndpoint } from './OpenAiEndpoint';

/** Buckets start at Unix seconds, as their text. */
const BUCKET_START: DailyBucketStart = {
  field: 'start_time',
  expected: 'Unix seconds',
  read: value =>
    typeof value === 'string' && /^\d{1,12}$/.test(value)
      ? new Date(Number(value) * 1000)
      : undefined,
};

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
  readBuckets(
    endpoint: OpenAiEndpoint,
    window: DayWindow,
    signal: AbortSignal,
  ): Promise<DailyBucket[]> {
    return readDailyBuckets({
      report: `OpenAI ${endpoint.name} report`,
      window,
      signal,
      pageUrl: page => this.pageUrl(endpoint, window, page),
      start: BUCKET_START,
      http: this.http,
      createError: (message, details) =>
        new OpenAiRequestError(message, details),
    });
  }
}
