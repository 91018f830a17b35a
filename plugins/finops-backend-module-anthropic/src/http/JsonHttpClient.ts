import { setTimeout as sleep } from 'node:timers/promises';
import { AnthropicRequestError } from './AnthropicRequestError';
import { parseJsonKeepingNumberText } from './parseJsonKeepingNumberText';
import { retryAfterMs } from './retryAfter';
import { RetryPolicy, isRetryableStatus } from './RetryPolicy';

const BODY_EXCERPT = 300;

export interface JsonHttpClientOptions {
  /** Sent with every request, such as the authorization header. */
  headers: Record<string, string>;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  retry: RetryPolicy;
}

type Attempt =
  | { ok: true; body: unknown }
  | { ok: false; message: string; status?: number; waitMs?: number };

/**
 * The message of a JSON error body (`{ type: "error", error: { type, message } }`),
 * else an excerpt.
 */
function describeBody(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } })
      ?.error?.message;
    if (typeof message === 'string' && message.trim()) {
      return message.trim();
    }
  } catch {
    // not JSON: the excerpt says what it is
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) {
    return 'empty body';
  }
  return flat.length > BODY_EXCERPT ? `${flat.slice(0, BODY_EXCERPT)}…` : flat;
}

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
 * backoff. Timeouts, network errors and other statuses fail at once; the caller's
 * run decides whether to try again. Numbers in the body keep their written text.
 */
export class JsonHttpClient {
  constructor(private readonly options: JsonHttpClientOptions) {}

  async getJson(url: URL, signal: AbortSignal): Promise<unknown> {
    const shown = url.toString();
    const { attempts, initialDelayMs, maxDelayMs } = this.options.retry;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(url, signal);
      if (result.ok) {
        return result.body;
      }
      const { status, message } = result;
      const retryable = status !== undefined && isRetryableStatus(status);
      if (!retryable || attempt >= attempts) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        throw new AnthropicRequestError(`${message}${tries}`, {
          url: shown,
          status,
        });
      }
      const waitMs = result.waitMs ?? initialDelayMs * 2 ** (attempt - 1);
      if (waitMs > maxDelayMs) {
        throw new AnthropicRequestError(
          `${message}, and asks to retry after ${waitMs} ms, longer than the ${maxDelayMs} ms this source waits`,
          { url: shown, status },
        );
      }
      try {
        await sleep(waitMs, undefined, { signal });
      } catch {
        throw new AnthropicRequestError(
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
