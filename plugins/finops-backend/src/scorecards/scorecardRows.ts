import {
  ScorecardCheck,
  ScorecardCheckResult,
  ScorecardCheckStatus,
  ScorecardGrade,
  ScorecardPillarResult,
  ScorecardResult,
} from '@tollgate/plugin-finops-common';

/**
 * A scorecard as it was evaluated on one day: its title and checks, the same for every
 * entity, so stored once per scorecard and day rather than with every result.
 */
export interface EvaluatedScorecard {
  title: string;
  checks: ScorecardCheck[];
}

/** What one entity's result adds to its evaluated scorecard. */
export interface ScorecardOutcome {
  score: number | null;
  grade: ScorecardGrade | null;
  pillars: ScorecardPillarResult[];
  checks: Array<{
    id: string;
    value?: number | boolean;
    status: ScorecardCheckStatus;
    score: number | null;
  }>;
}

/** The scorecard a result was evaluated with. */
export function evaluatedScorecardOf(
  result: ScorecardResult,
): EvaluatedScorecard {
  return {
    title: result.title,
    checks: result.checks.map(
      ({ id, pillar, metric, description, howToFix, weight, thresholds }) => ({
        id,
        pillar,
        metric,
        description,
        howToFix,
        weight,
        thresholds,
      }),
    ),
  };
}

/**
 * A result without what its evaluated scorecard holds; undefined when the result was
 * not evaluated with that scorecard (a title or any field of a check differs), so
 * that such a result is stored whole.
 */
export function outcomeOf(
  result: ScorecardResult,
  scorecard: EvaluatedScorecard,
): ScorecardOutcome | undefined {
  if (
    result.title !== scorecard.title ||
    result.checks.length !== scorecard.checks.length ||
    result.checks.some((check, i) => !sameCheck(check, scorecard.checks[i]))
  ) {
    return undefined;
  }
  return {
    score: result.score,
    grade: result.grade,
    pillars: result.pillars,
    checks: result.checks.map(({ id, value, status, score }) =>
      value === undefined
        ? { id, status, score }
        : { id, value, status, score },
    ),
  };
}

/**
 * A stored result: an outcome joined with the scorecard it was evaluated with, or a
 * result stored whole.
 */
export function storedResultOf(
  key: { entityRef: string; scorecardId: string; day: string },
  stored: ScorecardOutcome | ScorecardResult,
  scorecard: EvaluatedScorecard | undefined,
): ScorecardResult {
  if ('scorecardId' in stored) {
    return stored;
  }
  if (!scorecard) {
    throw new Error(
      `Scorecard ${key.scorecardId} of ${key.day} is missing: the result of ${key.entityRef} cannot be read`,
    );
  }
  const checksById = new Map(scorecard.checks.map(c => [c.id, c]));
  return {
    scorecardId: key.scorecardId,
    title: scorecard.title,
    entityRef: key.entityRef,
    day: key.day,
    score: stored.score,
    grade: stored.grade,
    pillars: stored.pillars,
    checks: stored.checks.map(
      ({ id, value, status, score }): ScorecardCheckResult => ({
        ...checksById.get(id)!,
        ...(value === undefined ? {} : { value }),
        status,
        score,
      }),
    ),
  };
}

function sameCheck(result: ScorecardCheckResult, check: ScorecardCheck) {
  return (
    result.id === check.id &&
    result.pillar === check.pillar &&
    result.metric === check.metric &&
    result.description === check.description &&
    result.howToFix === check.howToFix &&
    result.weight === check.weight &&
    (result.thresholds === check.thresholds ||
      JSON.stringify(result.thresholds) === JSON.stringify(check.thresholds))
  );
}
