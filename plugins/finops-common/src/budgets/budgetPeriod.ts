import { BudgetPeriod } from '../annotations/parsers';
import { DayWindow } from '../types';

/** Periods and reset instants computed before: a snapshot asks for few, many times. */
const MAX_KEPT = 1024;
const windows = new Map<string, DayWindow>();
const resets = new Map<string, string>();

/**
 * The calendar period in UTC that contains a day: its month, quarter or year, both ends
 * inclusive.
 *
 * @public
 */
export function budgetPeriodWindow(
  period: BudgetPeriod,
  day: string,
): DayWindow {
  // every budget of a snapshot asks for the period of the same day
  const key = `${period} ${day}`;
  let window = windows.get(key);
  if (!window) {
    window = computeWindow(period, day);
    if (windows.size >= MAX_KEPT) windows.clear();
    windows.set(key, window);
  }
  return { ...window };
}

function computeWindow(period: BudgetPeriod, day: string): DayWindow {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  let firstMonth: number;
  let months: number;
  switch (period) {
    case 'month':
      firstMonth = month;
      months = 1;
      break;
    case 'quarter':
      firstMonth = month - (month % 3);
      months = 3;
      break;
    case 'year':
      firstMonth = 0;
      months = 12;
      break;
    default:
      throw new Error(`Unknown budget period ${JSON.stringify(period)}`);
  }
  const from = new Date(Date.UTC(year, firstMonth, 1));
  const last = new Date(Date.UTC(year, firstMonth + months, 0));
  return {
    from: from.toISOString().slice(0, 10),
    to: last.toISOString().slice(0, 10),
  };
}

/** The instant a period ends and its budget resets: midnight UTC after its last day. @public */
export function budgetResetsAt(window: DayWindow): string {
  let reset = resets.get(window.to);
  if (reset === undefined) {
    const end = new Date(`${window.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    reset = end.toISOString();
    if (resets.size >= MAX_KEPT) resets.clear();
    resets.set(window.to, reset);
  }
  return reset;
}
