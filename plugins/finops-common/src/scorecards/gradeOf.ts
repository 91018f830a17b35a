import { ScorecardGrade } from './types';

/**
 * The letter grade of a 0–100 score: A from 90, B from 80, C from 70, D from 60,
 * else F; null for no score.
 *
 * @public
 */
export function gradeOf(score: number | null): ScorecardGrade | null {
  if (score === null) return null;
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}
