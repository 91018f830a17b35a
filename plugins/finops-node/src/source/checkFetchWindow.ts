import { InputError } from '@backstage/errors';
import { DayWindow, isDay } from '@tollgate/plugin-finops-common';

/**
 * Checks the window a cost source is asked to fetch: UTC days as `YYYY-MM-DD`, `from`
 * not after `to`; throws an `InputError` naming the window otherwise.
 *
 * @public
 */
export function checkFetchWindow(window: DayWindow): void {
  if (!isDay(window.from) || !isDay(window.to) || window.from > window.to) {
    throw new InputError(
      `Invalid window ${window.from}..${window.to}: expected UTC days as YYYY-MM-DD, from not after to`,
    );
  }
}
