/**
 * Parses JSON with every number replaced by the text it was written as, so that an
 * amount such as `0.30000000000000004` or a token count past 2^53 is read exactly,
 * never through a float. Runtimes without JSON.parse source text access fall back to
 * the number's shortest round-trip text.
 *
 * @public
 */
export function parseJsonKeepingNumberText(text: string): unknown {
  return JSON.parse(text, function keepText(
    this: unknown,
    _key: string,
    value: unknown,
    context?: { source?: string },
  ) {
    return typeof value === 'number' ? context?.source ?? String(value) : value;
  } as (key: string, value: unknown) => unknown);
}
