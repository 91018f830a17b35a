import { InputError } from '@backstage/errors';
import { DayWindow } from '@tollgate/plugin-finops-common';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 3660;

function parseDay(name: string, value: string): number {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (
    !DAY_PATTERN.test(value) ||
    !Number.isFinite(time) ||
    new Date(time).toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(
      `Invalid window.${name} "${value}": expected a UTC day as YYYY-MM-DD`,
    );
  }
  return time;
}

/** The UTC days of a window, both ends included, oldest first. */
export function daysInWindow(window: DayWindow): string[] {
  const from = parseDay('from', window.from);
  const to = parseDay('to', window.to);
  if (to < from) {
    throw new InputError(
      `Invalid window ${window.from}..${window.to}: from is after to`,
    );
  }
  const count = (to - from) / 86_400_000 + 1;
  if (count > MAX_DAYS) {
    throw new InputError(
      `Invalid window ${window.from}..${window.to}: at most ${MAX_DAYS} days at a time`,
    );
  }
  return Array.from({ length: count }, (_, i) =>
    new Date(from + i * 86_400_000).toISOString().slice(0, 10),
  );
}
