import {
  ScorecardCheckStatus,
  ScorecardThresholds,
  ScorecardValue,
} from './types';

/** A check's status and score (0–100, null when not applicable). @public */
export interface CheckScore {
  status: ScorecardCheckStatus;
  score: number | null;
}

/**
 * Scores one value against its thresholds. Numbers score 100 at or beyond the pass
 * threshold, 50 at the warn threshold and 0 at or beyond the fail threshold, linearly
 * in between; the status is pass from the pass threshold, warn from the warn
 * threshold, else fail. Booleans score 100 (pass) when they equal the expected value,
 * else 0 (fail). A missing value, a non-finite number or a value of the wrong type is
 * not applicable.
 *
 * @public
 */
export function scoreCheck(
  value: ScorecardValue,
  thresholds: ScorecardThresholds,
): CheckScore {
  if (thresholds.type === 'boolean') {
    if (typeof value !== 'boolean') {
      return { status: 'notApplicable', score: null };
    }
    return value === thresholds.expected
      ? { status: 'pass', score: 100 }
      : { status: 'fail', score: 0 };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { status: 'notApplicable', score: null };
  }
  // Mirror lower-better onto higher-better.
  const sign = thresholds.direction === 'higher-better' ? 1 : -1;
  const v = sign * value;
  const pass = sign * thresholds.pass;
  const warn = sign * thresholds.warn;
  const fail = sign * thresholds.fail;
  if (v >= pass) {
    return { status: 'pass', score: 100 };
  }
  if (v >= warn) {
    return {
      status: 'warn',
      score: round1(50 + (50 * (v - warn)) / (pass - warn)),
    };
  }
  if (v <= fail) {
    return { status: 'fail', score: 0 };
  }
  return { status: 'fail', score: round1((50 * (v - fail)) / (warn - fail)) };
}

/** Rounds to one decimal. @public */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
