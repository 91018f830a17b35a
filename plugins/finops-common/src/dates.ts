import { DayWindow } from './types';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days Tollgate reads and stores: far enough on either side of any bill, and far
 * from year 10000, where a day's successor would no longer be written YYYY-MM-DD.
 *
 * @public
 */
export const SUPPORTED_DAYS: DayWindow = {
  from: '1970-01-01',
  to: '2999-12-31',
};

/** Whether text is a real calendar day written YYYY-MM-DD, within SUPPORTED_DAYS. @public */
export function isDay(text: unknown): text is string {
  if (
    typeof text !== 'string' ||
    !DAY_PATTERN.test(text) ||
    text < SUPPORTED_DAYS.from ||
    text > SUPPORTED_DAYS.to
  ) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The UTC day of an instant. @public */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today in UTC. @public */
export function todayUtc(now: Date = new Date()): string {
  return dayOf(now);
}

/** Days seen, as days since 1970-01-01, and back: a process meets few distinct days. */
const epochDayOf = new Map<string, number>();
const dayOfEpochDay = new Map<number, string>();
const MAX_REMEMBERED_DAYS = 100_000;

function toEpochDay(day: string): number {
  let epochDay = epochDayOf.get(day);
  if (epochDay === undefined) {
    const time = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(time)) {
      throw new RangeError(`Invalid day: ${day}`);
    }
    epochDay = Math.round(time / DAY_MS);
    if (epochDayOf.size < MAX_REMEMBERED_DAYS) {
      epochDayOf.set(day, epochDay);
    }
  }
  return epochDay;
}

function fromEpochDay(epochDay: number): string {
  let day = dayOfEpochDay.get(epochDay);
  if (day === undefined) {
    day = dayOf(new Date(epochDay * DAY_MS));
    if (dayOfEpochDay.size < MAX_REMEMBERED_DAYS) {
      dayOfEpochDay.set(epochDay, day);
    }
  }
  return day;
}

/**
 * Adds whole days to a day. Scoring and budgets do this millions of times, so days are
 * converted through remembered day numbers instead of a Date each time. @public
 */
export function addDays(day: string, days: number): string {
  return fromEpochDay(toEpochDay(day) + days);
}

/** Number of days from one day to another, both inclusive. @public */
export function windowLength(window: DayWindow): number {
  return toEpochDay(window.to) - toEpochDay(window.from) + 1;
}

/** Every day of a window, in order. @public */
export function enumerateDays(window: DayWindow): string[] {
  const days: string[] = [];
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

/** Splits a window into consecutive windows of at most `size` days. @public */
export function splitWindow(window: DayWindow, size: number): DayWindow[] {
  const parts: DayWindow[] = [];
  for (let from = window.from; from <= window.to; from = addDays(from, size)) {
    const to = addDays(from, size - 1);
    parts.push({ from, to: to < window.to ? to : window.to });
  }
  return parts;
}

/** The window of the same length just before this one. @public */
export function previousWindow(window: DayWindow): DayWindow {
  const length = windowLength(window);
  return {
    from: addDays(window.from, -length),
    to: addDays(window.from, -1),
  };
}
