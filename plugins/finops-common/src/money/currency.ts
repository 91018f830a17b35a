import { CURRENCY_PATTERN } from './Money';

let known: ReadonlySet<string> | undefined;

/**
 * Whether text is an ISO 4217 currency code, such as USD or EUR, as the runtime's
 * internationalization data knows them; "ABC" has the form of one but is none.
 *
 * @public
 */
export function isCurrencyCode(text: unknown): text is string {
  if (typeof text !== 'string' || !CURRENCY_PATTERN.test(text)) {
    return false;
  }
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(text);
}
