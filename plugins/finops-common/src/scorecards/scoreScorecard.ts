import { gradeOf } from './gradeOf';
import { round1, scoreCheck } from './scoreCheck';
import {
  SCORECARD_PILLARS,
  ScorecardCheckResult,
  ScorecardDefinition,
  ScorecardPillar,
  ScorecardPillarResult,
  ScorecardResult,
  ScorecardValue,
} from './types';

/**
 * Scores one scorecard for one entity from the values of its checks' metrics (keyed
 * by check id). Each pillar is the weighted mean of its applicable checks; the
 * overall score is the mean of the pillars that have one. Checks without a value are
 * not applicable and left out of every mean.
 *
 * @public
 */
export function scoreScorecard(options: {
  definition: ScorecardDefinition;
  entityRef: string;
  day: string;
  values: Record<string, ScorecardValue>;
}): ScorecardResult {
  const { definition, entityRef, day, values } = options;
  const checks: ScorecardCheckResult[] = definition.checks.map(check => {
    const value = values[check.id];
    const { status, score } = scoreCheck(value, check.thresholds);
    return {
      id: check.id,
      pillar: check.pillar,
      metric: check.metric,
      description: check.description,
      howToFix: check.howToFix,
      weight: check.weight,
      thresholds: check.thresholds,
      ...(status === 'notApplicable' ? {} : { value }),
      status,
      score,
    };
  });
  const pillars = SCORECARD_PILLARS.map(pillar => scorePillar(pillar, checks));
  const scored = pillars.filter(p => p.score !== null);
  const score =
    scored.length === 0
      ? null
      : round1(
          scored.reduce((sum, p) => sum + (p.score as number), 0) /
            scored.length,
        );
  return {
    scorecardId: definition.id,
    title: definition.title,
    entityRef,
    day,
    score,
    grade: gradeOf(score),
    pillars,
    checks,
  };
}

function scorePillar(
  pillar: ScorecardPillar,
  checks: ScorecardCheckResult[],
): ScorecardPillarResult {
  const own = checks.filter(c => c.pillar === pillar);
  const applicable = own.filter(c => c.score !== null);
  const weight = applicable.reduce((sum, c) => sum + c.weight, 0);
  const score =
    weight > 0
      ? round1(
          applicable.reduce(
            (sum, c) => sum + c.weight * (c.score as number),
            0,
          ) / weight,
        )
      : null;
  return {
    pillar,
    score,
    grade: gradeOf(score),
    applicableChecks: applicable.length,
    notApplicableChecks: own.length - applicable.length,
  };
}
