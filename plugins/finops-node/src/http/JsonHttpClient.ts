import { setTimeout as sleep } from 'node:timers/promises';
import { describeBody } from './describeBody';
import { parseJsonKeepingNumberText } from './parseJsonKeepingNumberText';
import { retryAfterMs } from './retryAfter';
import {
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  isRetryableStatus,
} from './RetryPolicy';
import {
  VendorRequestError,
  VendorRequestErrorDetails,
} from './VendorRequestError';

/** How a {@link JsonHttpClient} sends its requests. @public */
export interface JsonHttpClientOptions {
  /** Sent with every request, such as the authorization header. */
  headers: Record<string, string>;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  /** How 408, 429 and 5xx answers are retried; {@link DEFAULT_RETRY_POLICY} when not said. */
  retry?: RetryPolicy;
  /**
   * Makes the error thrown for a failed request, such as a vendor's own subclass of
   * {@link VendorRequestError}; a VendorRequestError when not said.
   */
  createError?: (message: string, details: VendorRequestErrorDetails) => Error;
}

type Attempt =
  | { ok: true; body: unknown }
  | { ok: false; message: string; status?: number; waitMs?: number };

function causeOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  return typeof cause === 'string' && cause !== message
    ? `${message} (${cause})`
    : message;
}

/**
 * GETs JSON with a timeout per request, retrying 408, 429 and 5xx answers: after the
 * wait the server names (`Retry-After`, `retry-after-ms`), else after an exponential
 * backoff, and failing at once when the wait is longer than the policy accepts.
 * Timeouts, network errors and other statuses fail at once; the caller's run decides
 * whether to try again. Numbers in the body keep their written text (see
 * {@link parseJsonKeepingNumberText}). Messages name the request, never the headers.
 *
 * @public
 */
export class JsonHttpClient {
  private readonly retry: RetryPolicy;
  private readonly createError: NonNullable<
    JsonHttpClientOptions['createError']
  >;

  constructor(private readonly options: JsonHttpClientOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.createError =
      options.createError ??
      ((message, details) => new VendorRequestError(message, details));
  }

  /** The body of a 200 answer to `GET url`; throws on anything else. */
  async getJson(url: URL, signal: AbortSignal): Promise<unknown> {
    const shown = url.toString();
    const { attempts, initialDelayMs, maxDelayMs } = this.retry;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(url, signal);
      if (result.ok) {
        return result.body;
      }
      const { status, message } = result;
      const retryable = status !== undefined && isRetryableStatus(status);
      if (!retryable || attempt >= attempts) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        throw this.createError(`${message}${tries}`, { url: shown, status });
      }
      const waitMs = result.waitMs ?? initialDelayMs * 2 ** (attempt - 1);
      if (waitMs > maxDelayMs) {
        throw this.createError(
          `${message}, and asks to retry after ${waitMs} ms, longer than the ${maxDelayMs} ms this source waits`,
          { url: shown, status },
        );
      }
      try {
        await sleep(waitMs, undefined, { signal });
      } catch {
        throw this.createError(
          `${message}; aborted while waiting to retry: ${causeOf(
            signal.reason,
          )}`,
          { url: shown, status },
        );
      }
    }
  }

  private async attempt(url: URL, signal: AbortSignal): Promise<Attempt> {
    const request = `GET ${url}`;
    const { timeoutMs, headers } = this.options;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...headers },
        signal: AbortSignal.any([signal, timeout]),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) {
        return {
          ok: false,
          message: `${request} was aborted: ${causeOf(signal.reason)}`,
        };
      }
      if (timeout.aborted) {
        return {
          ok: false,
          message: `${request} timed out after ${timeoutMs} ms`,
        };
      }
      return { ok: false, message: `${request} failed: ${causeOf(error)}` };
    }
    const { status } = response;
    if (status !== 200) {
      return {
        ok: false,
        status,
        message: `${request} answered HTTP ${status}${
          response.statusText ? ` ${response.statusText}` : ''
        }: ${describeBody(text)}`,
        waitMs: retryAfterMs(response.headers),
      };
    }
    try {
      return { ok: true, body: parseJsonKeepingNumberText(text) };
    } catch {
      return {
        ok: false,
        status,
        message: `${request} answered HTTP 200 with a body that is not JSON: ${describeBody(
          text,
        )}`,
      };
    }
  }
}
