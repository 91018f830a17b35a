import { InputError } from '@backstage/errors';
import { DayWindow } from '@tollgate/plugin-finops-common';

const DAY_SECONDS = 86_400;

/** When and over which range the queries of one UTC day are evaluated. */
export interface DayEvaluation {
  /** YYYY-MM-DD. */
  day: string;
  /** Evaluation time in Unix seconds: the day's end, or now for the current day. */
  time: number;
  /** The PromQL range covering the day up to the evaluation time: `1d`, or `NNNs`. */
  range: string;
  /** Whether the whole day lies in the past. */
  complete: boolean;
}

function parseDay(name: string, text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new InputError(
      `window.${name} has invalid value ${JSON.stringify(
        text,
      )}: expected a day as YYYY-MM-DD`,
    );
  }
  return ms / 1000;
}

/**
 * Lists the days of a window with their evaluation times. Days that have not begun
 * yet are left out; the current day is evaluated up to now.
 */
export function listDayEvaluations(
  window: DayWindow,
  nowMs: number,
): DayEvaluation[] {
  const from = parseDay('from', window.from);
  const to = parseDay('to', window.to);
  if (from > to) {
    throw new InputError(
      `window is invalid: from ${window.from} is after to ${window.to}`,
    );
  }
  const now = Math.floor(nowMs / 1000);
  const days: DayEvaluation[] = [];
  for (let start = from; start <= to && start < now; start += DAY_SECONDS) {
    const end = start + DAY_SECONDS;
    const complete = end <= now;
    const time = complete ? end : now;
    days.push({
      day: new Date(start * 1000).toISOString().slice(0, 10),
      time,
      range: complete ? '1d' : `${time - start}s`,
      complete,
    });
  }
  return days;
}
