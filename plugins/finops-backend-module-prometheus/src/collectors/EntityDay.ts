import { ComponentTarget } from '../catalog/ComponentTarget';
import { DayEvaluation } from '../source/dayEvaluations';

/** One component on one UTC day: the unit that the collectors query. */
export interface EntityDay {
  target: ComponentTarget;
  day: DayEvaluation;
}

/** Rounds a count that `increase()` extrapolated, such as 2399.9999998, to whole units. */
export function roundCount(value: number): number {
  return Math.round(value);
}
