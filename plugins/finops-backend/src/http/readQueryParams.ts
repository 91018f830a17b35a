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

/** What errors call a value: a route's query parameter, or an action's input field. */
export type ParamLabel = 'Query parameter' | 'Input field';

function single(
  query: Record<string, unknown>,
  name: string,
  label: ParamLabel = 'Query parameter',
) {
  const value = query[name];
  if (Array.isArray(value)) {
    throw new InputError(`${label} ${name} was given more than once`);
  }
  if (value !== undefined && typeof value !== 'string') {
    throw new InputError(`${label} ${name} must be a single text value`);
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
  label: ParamLabel = 'Query parameter',
): DayWindow {
  const from = single(query, 'from', label);
  const to = single(query, 'to', label);
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !isDay(value)) {
      throw new InputError(
        `${label} ${name} has invalid value ${JSON.stringify(
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
      `${label} from (${window.from}) must not be after to (${window.to})`,
    );
  }
  if (windowLength(window) > MAX_WINDOW_DAYS) {
    throw new InputError(
      `${label}s from and to span ${windowLength(
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
  label: ParamLabel = 'Query parameter',
): T | F {
  const value = single(query, name, label);
  if (value === undefined) {
    return fallback;
  }
  if (!choices.includes(value as T)) {
    throw new InputError(
      `${label} ${name} has invalid value ${JSON.stringify(
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
