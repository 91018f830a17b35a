import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CostGroupBy,
  DayWindow,
  EntityCostResponse,
  GovernanceFinding,
  KubernetesLabelsResponse,
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
  getLabels(entity: CompoundEntityRef): Promise<KubernetesLabelsResponse>;
  getGovernanceFindings(filter: {
    entityRef?: string;
    team?: string;
    rule?: string;
    level?: string;
  }): Promise<GovernanceReport>;
  /** The FOCUS CSV export of attributed spend. */
  exportFocus(options: DayWindow): Promise<Blob>;
}

/** Governance findings and the share of components fully labelled per team. @public */
export interface GovernanceReport {
  items: GovernanceFinding[];
  byTeam: Array<{ team: string; entities: number; fullyLabelled: number }>;
}

/** @public */
export const finopsApiRef = createApiRef<FinopsApi>({ id: 'plugin.finops' });
