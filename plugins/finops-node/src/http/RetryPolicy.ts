/** How a request is retried when the server answers 408, 429 or 5xx. @public */
export interface RetryPolicy {
  /** Requests per call, the first included. */
  attempts: number;
  /** The wait before the second attempt when the server names none; doubles after. */
  initialDelayMs: number;
  /** The longest wait accepted, named or not; a longer one fails the request at once. */
  maxDelayMs: number;
}

/**
 * Four attempts in all, waiting 1, 2 and then 4 seconds unless the server names its
 * own wait, and at most 2 minutes.
 *
 * @public
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  initialDelayMs: 1_000,
  maxDelayMs: 120_000,
};

/** Statuses that say the same request may succeed later: 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
