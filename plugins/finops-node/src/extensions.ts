import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CostSource } from './CostSource';

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
