import { ScorecardMetric } from '@tollgate/plugin-finops-node';
import { costMetrics } from './costMetrics';
import { riskMetrics, spendAnomaliesMetric } from './riskMetrics';
import { velocityMetrics } from './velocityMetrics';

/**
 * The metrics every scorecard check can use without a module.
 *
 * @param settings - the `tollgate.budgets` settings that metrics share with alerts
 */
export function builtInScorecardMetrics(settings: {
  anomalyMinIncreaseMicros: bigint;
}): ScorecardMetric[] {
  return [
    ...costMetrics,
    ...riskMetrics,
    spendAnomaliesMetric(settings.anomalyMinIncreaseMicros),
    ...velocityMetrics,
  ];
}
