import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AlertListResponse,
  Budget,
  BudgetRequest,
  BudgetListResponse,
  CostGroupBy,
  DayWindow,
  EntityBudgetResponse,
  EntityCostResponse,
  EntityMeteringResponse,
  EntityScorecardResponse,
  EntityUnitCostResponse,
  FinopsAlert,
  GovernanceReport,
  KubernetesLabelsResponse,
  MeteringSummaryResponse,
  ReconciliationResponse,
  ScorecardLeaderboardResponse,
  SourceStatus,
  SummaryGroupBy,
  SummaryResponse,
  UnallocatedSpendResponse,
  UpstreamPressureResponse,
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
  /** Spend per business outcome and per 1,000 requests in a period, against the period before and by day. */
  getEntityUnitCost(
    entity: CompoundEntityRef,
    options: DayWindow,
  ): Promise<EntityUnitCostResponse>;
  /** The calls an API entity's consumers made to it in a period, with the throttled and failed ones. */
  getEntityUpstream(
    entity: CompoundEntityRef,
    options: DayWindow,
  ): Promise<UpstreamPressureResponse>;
  getSummary(
    options: DayWindow & { groupBy: SummaryGroupBy },
  ): Promise<SummaryResponse>;
  /**
   * Spend that maps to no entity in a period, by the vendor id (project, workspace,
   * team or API key) or unknown entity ref that would attribute it, with how to claim it.
   */
  getUnallocatedSpend(options: DayWindow): Promise<UnallocatedSpendResponse>;
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
  /** The entity's own budget, the team and cost center budgets over it, and any overridden one. */
  getEntityBudget(entity: CompoundEntityRef): Promise<EntityBudgetResponse>;
  /** Every budget in force with its status. */
  getBudgets(): Promise<BudgetListResponse>;
  createBudget(request: BudgetRequest): Promise<Budget>;
  replaceBudget(id: string, request: BudgetRequest): Promise<Budget>;
  deleteBudget(id: string): Promise<void>;
  getAlerts(filter: {
    entityRef?: string;
    status?: 'open' | 'all';
  }): Promise<AlertListResponse>;
  acknowledgeAlert(id: string): Promise<FinopsAlert>;
  /** Every scorecard that applies to the entity, evaluated for the latest day, with its trend. */
  getScorecard(entity: CompoundEntityRef): Promise<EntityScorecardResponse>;
  /** The mean scorecard score per team or cost center, the best first. */
  getScorecardLeaderboard(
    groupBy: ScorecardGroupBy,
  ): Promise<ScorecardLeaderboardResponse>;
  /** Usage reported today as it happens, the open reservations and the spend-rate limit. */
  getEntityMetering(entity: CompoundEntityRef): Promise<EntityMeteringResponse>;
  /** The calls the guardrail denied, and the agents and sessions that spent most, in a period. */
  getMeteringSummary(options: DayWindow): Promise<MeteringSummaryResponse>;
  /**
   * Metered usage, vendor usage, the vendor's cost and the invoice per provider, model,
   * token type and day in a period, their drift, and the prices the price book has
   * wrong; of one provider when given.
   */
  getReconciliation(
    options: DayWindow & { provider?: string },
  ): Promise<ReconciliationResponse>;
}

/** What the scorecard leaderboard groups entities by. @public */
export type ScorecardGroupBy = ScorecardLeaderboardResponse['groupBy'];

export type { BudgetRequest, GovernanceReport };

/** @public */
export const finopsApiRef = createApiRef<FinopsApi>({ id: 'plugin.finops' });
