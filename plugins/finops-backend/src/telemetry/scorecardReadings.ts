import { StoredScorecardResult } from '../scorecards/ScorecardStore';
import { GaugeReading, costLabels } from './GaugeReading';

/**
 * The scorecard gauge of one evaluation: per entity and scorecard, the overall score
 * (`pillar: overall`) and each pillar's score, 0 to 100. A score that is null because
 * none of its checks has data is left out, never read as zero.
 */
export function scorecardReadings(
  results: readonly StoredScorecardResult[],
): GaugeReading[] {
  const readings: GaugeReading[] = [];
  for (const { result, team, costCenter } of results) {
    const base = {
      scorecard: result.scorecardId,
      entity: result.entityRef,
      ...costLabels({ team, costCenter }),
    };
    if (result.score !== null) {
      readings.push({
        value: result.score,
        attributes: { ...base, pillar: 'overall' },
      });
    }
    for (const pillar of result.pillars) {
      if (pillar.score !== null) {
        readings.push({
          value: pillar.score,
          attributes: { ...base, pillar: pillar.pillar },
        });
      }
    }
  }
  return readings;
}
