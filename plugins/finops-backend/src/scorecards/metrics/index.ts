import { ScorecardMetric } from '@tollgate/plugin-finops-node';
import { costMetrics } from './costMetrics';
import { riskMetrics } from './riskMetrics';
import { velocityMetrics } from './velocityMetrics';

/** The metrics every scorecard check can use without a module. */
export const builtInScorecardMetrics: ScorecardMetric[] = [
  ...costMetrics,
  ...riskMetrics,
  ...velocityMetrics,
];
