/** Distinct texts remembered per function: bounds memory on files with unique values. */
const DEFAULT_LIMIT = 10_000;

/**
 * Remembers what a function answers for each text, for the first `limit` distinct
 * texts. Export columns such as Tags, SkuPriceDetails or ChargePeriodStart repeat a few
 * values over millions of rows; each is then parsed once. The answers are shared, so
 * callers must not change them.
 */
export function memoizeText<T>(
  compute: (text: string) => T,
  limit = DEFAULT_LIMIT,
): (text: string) => T {
  const answers = new Map<string, T>();
  return text => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) {
      return known as T;
    }
    const answer = compute(text);
    if (answers.size < limit) {
      answers.set(text, answer);
    }
    return answer;
  };
}
