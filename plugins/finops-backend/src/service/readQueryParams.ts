import { InputError } from '@backstage/errors';
import {
  DayWindow,
  addDays,
  SUPPORTED_DAYS,
  isDay,
  todayUtc,
  windowLength,
} from '@tollgate/plugin-finops-common';

const MAX_WINDOW_DAYS = 1100;

function single(query: Record<string, unknown>, name: string) {
  const value = query[name];
  if (Array.isArray(value)) {
    throw new InputError(`Query parameter ${name} was given more than once`);
  }
  if (value !== undefined && typeof value !== 'string') {
    throw new InputError(`Query parameter ${name} must be a single value`);
  }
  return value;
}

/**
 * Reads `from` and `to` (UTC days, both inclusive); defaults to the 30 days ending
 * today. Throws InputError naming the parameter that is wrong.
 */
export function readWindow(
  query: Record<string, unknown>,
  now = new Date(),
): DayWindow {
  const from = single(query, 'from');
  const to = single(query, 'to');
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !isDay(value)) {
      throw new InputError(
        `Query parameter ${name} has invalid value ${JSON.stringify(
          value,
        )}: expected a date YYYY-MM-DD from ${SUPPORTED_DAYS.from} to ${
          SUPPORTED_DAYS.to
        }`,
      );
    }
  }
  const end = to ?? todayUtc(now);
  const window = { from: from ?? addDays(end, -29), to: end };
  if (window.from > window.to) {
    throw new InputError(
      `Query parameter from (${window.from}) must not be after to (${window.to})`,
    );
  }
  if (windowLength(window) > MAX_WINDOW_DAYS) {
    throw new InputError(
      `Query parameters from and to span ${windowLength(
        window,
      )} days: at most ${MAX_WINDOW_DAYS} are allowed`,
    );
  }
  return window;
}

/** Reads a parameter that must be one of some words. */
export function readChoice<T extends string, F extends T | undefined>(
  query: Record<string, unknown>,
  name: string,
  choices: readonly T[],
  fallback: F,
): T | F {
  const value = single(query, name);
  if (value === undefined) {
    return fallback;
  }
  if (!choices.includes(value as T)) {
    throw new InputError(
      `Query parameter ${name} has invalid value ${JSON.stringify(
        value,
      )}: expected one of ${choices.join(', ')}`,
    );
  }
  return value as T;
}

/** Reads an optional single text parameter. */
export function readText(
  query: Record<string, unknown>,
  name: string,
): string | undefined {
  return single(query, name) || undefined;
}
