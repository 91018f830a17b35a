import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CostGroupBy,
  DayWindow,
  EntityCostResponse,
  SourceStatus,
  SummaryGroupBy,
  SummaryResponse,
} from '@tollgate/plugin-finops-common';

/**
 * Talks to the finops backend.
 *
 * @public
 */
export interface FinopsApi {
  getEntityCost(
    entity: CompoundEntityRef,
    options: DayWindow & { groupBy: CostGroupBy },
  ): Promise<EntityCostResponse>;
  getSummary(
    options: DayWindow & { groupBy: SummaryGroupBy },
  ): Promise<SummaryResponse>;
  getSources(): Promise<SourceStatus[]>;
  /** The FOCUS CSV export of attributed spend. */
  exportFocus(options: DayWindow): Promise<Blob>;
}

/** @public */
export const finopsApiRef = createApiRef<FinopsApi>({ id: 'plugin.finops' });
