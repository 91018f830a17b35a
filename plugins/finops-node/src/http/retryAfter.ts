/**
 * How long a response asks the client to wait before it retries, in milliseconds:
 * `retry-after-ms` (milliseconds), else `Retry-After` as seconds or as an HTTP date.
 * Undefined when the response names no usable wait.
 *
 * @public
 */
export function retryAfterMs(
  headers: Headers,
  now: number = Date.now(),
): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) {
    return Math.ceil(ms);
  }
  const text = headers.get('retry-after')?.trim();
  if (!text) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.ceil(Number(text) * 1000);
  }
  // an HTTP date names its weekday and month in letters
  const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
