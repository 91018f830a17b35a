import { DayWindow } from './types';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether text is a real calendar day written YYYY-MM-DD. @public */
export function isDay(text: unknown): text is string {
  if (typeof text !== 'string' || !DAY_PATTERN.test(text)) {
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

/** Adds whole days to a day. @public */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Number of days from one day to another, both inclusive. @public */
export function windowLength(window: DayWindow): number {
  return (
    Math.round(
      (Date.parse(`${window.to}T00:00:00Z`) -
        Date.parse(`${window.from}T00:00:00Z`)) /
        DAY_MS,
    ) + 1
  );
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
