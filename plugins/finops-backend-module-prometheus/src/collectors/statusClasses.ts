/** Whether a server status counts as a server error: a 5xx code, or `error`. */
export function isServerError(status: string): boolean {
  return /^5\d\d$/.test(status) || /^error$/i.test(status);
}

/**
 * The status of an outbound call for the `upstream.*` metrics: the status code the
 * called server answered, else `timeout` when the call's error names a timeout,
 * else `error` for other failures without an answer, else `unknown`.
 */
export function outboundStatus(statusCode: string, error: string): string {
  if (statusCode) {
    return statusCode;
  }
  if (/time[\s._-]?out/i.test(error)) {
    return 'timeout';
  }
  return error ? 'error' : 'unknown';
}

/** Whether an outbound call was throttled: answered 429 or 503, or timed out. */
export function isThrottled(status: string): boolean {
  return status === '429' || status === '503' || status === 'timeout';
}

/** Whether an outbound call was answered successfully (1xx to 3xx), and so billable. */
export function isBillable(status: string): boolean {
  return /^[123]\d\d$/.test(status);
}
