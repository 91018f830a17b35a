import { DayWindow, addDays } from '@tollgate/plugin-finops-common';
import {
  DEFAULT_RETRY_POLICY,
  JsonHttpClient,
  RetryPolicy,
} from '@tollgate/plugin-finops-node';
import { LiteLlmSourceConfig } from '../config/LiteLlmSourceConfig';
import { LiteLlmRequestError } from '../http/LiteLlmRequestError';
import { SpendLogRow, readSpendLogsPage } from './readSpendLogsPage';

/** The paginated spend logs of the proxy's public API. */
export const SPEND_LOGS_PATH = '/spend/logs/v2';
/** The most rows the proxy answers on one page. */
export const PAGE_SIZE = 100;
/** More pages than any day of a proxy holds: a server that never ends is an error. */
const MAX_PAGES = 100_000;

/**
 * Reads the spend logs of a LiteLLM proxy with its master or an admin key: every
 * request whose start time falls in a window of UTC days, page after page, oldest
 * first, so that requests logged while the pages are read are added at the end.
 */
export class LiteLlmSpendLogsClient {
  private readonly http: JsonHttpClient;

  constructor(
    private readonly config: Pick<
      LiteLlmSourceConfig,
      'baseUrl' | 'apiKey' | 'timeoutMs'
    >,
    retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.http = new JsonHttpClient({
      headers: { authorization: `Bearer ${config.apiKey}` },
      timeoutMs: config.timeoutMs,
      retry,
      createError: (message, details) =>
        new LiteLlmRequestError(message, details),
    });
  }

  /**
   * The URL of one page of a window's spend logs: from the first day's midnight to
   * the midnight after the last day (UTC, both included by the proxy).
   */
  pageUrl(window: DayWindow, page: number): URL {
    const url = new URL(`${this.config.baseUrl}${SPEND_LOGS_PATH}`);
    const params = url.searchParams;
    params.set('start_date', `${window.from} 00:00:00`);
    params.set('end_date', `${addDays(window.to, 1)} 00:00:00`);
    params.set('page', String(page));
    params.set('page_size', String(PAGE_SIZE));
    params.set('sort_by', 'startTime');
    params.set('sort_order', 'asc');
    return url;
  }

  /** Every spend log row of a window, page after page until the last. */
  async readRows(
    window: DayWindow,
    signal: AbortSignal,
  ): Promise<SpendLogRow[]> {
    const rows: SpendLogRow[] = [];
    for (let page = 1; ; page++) {
      const url = this.pageUrl(window, page);
      const read = readSpendLogsPage(await this.http.getJson(url, signal));
      if (typeof read === 'string') {
        throw new LiteLlmRequestError(
          `LiteLLM spend logs GET ${url} answered a malformed page: ${read}`,
          { url: url.toString(), status: 200 },
        );
      }
      rows.push(...read.rows);
      if (page >= read.totalPages || read.rows.length === 0) {
        return rows;
      }
      if (page >= MAX_PAGES) {
        throw new LiteLlmRequestError(
          `LiteLLM spend logs GET ${url} does not end: total_pages ${read.totalPages} after ${page} pages`,
          { url: url.toString(), status: 200 },
        );
      }
    }
  }
}
