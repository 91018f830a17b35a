import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CostSource } from './CostSource';
import { ScorecardMetric } from './ScorecardMetric';

/**
 * Lets backend modules add cost sources to the finops backend.
 *
 * @public
 */
export interface FinopsCostSourcesExtensionPoint {
  addCostSource(...sources: CostSource[]): void;
}

/** @public */
export const finopsCostSourcesExtensionPoint =
  createExtensionPoint<FinopsCostSourcesExtensionPoint>({
    id: 'finops.cost-sources',
  });

/**
 * Lets backend modules add metrics that scorecard checks can use.
 *
 * @public
 */
export interface FinopsScorecardMetricsExtensionPoint {
  addScorecardMetric(...metrics: ScorecardMetric[]): void;
}

/** @public */
export const finopsScorecardMetricsExtensionPoint =
  createExtensionPoint<FinopsScorecardMetricsExtensionPoint>({
    id: 'finops.scorecard-metrics',
  });
