/**
 * The Tollgate FinOps frontend plugin: the Cost tab of entity pages and the
 * organization's FinOps page.
 *
 * @packageDocumentation
 */
export {
  finopsPlugin,
  FinopsPage,
  EntityCostContent,
  EntityBudgetCard,
  EntityBudgetAlerts,
  BudgetsAtRiskCard,
  EntityScorecardCard,
  ScorecardLeaderboardCard,
} from './plugin';
export { finopsApiRef, FinopsClient } from './api';
export type {
  FinopsApi,
  BudgetRequest,
  GovernanceReport,
  ScorecardGroupBy,
} from './api';
export { isFinopsAvailable } from './isFinopsAvailable';
export { rootRouteRef } from './routes';
