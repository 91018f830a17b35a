import { BudgetStatus } from '@tollgate/plugin-finops-common';

/** Utilization from which any budget counts as at risk. */
export const AT_RISK_UTILIZATION = 80;

/**
 * The utilization at which a budget is at risk: its highest threshold at or below
 * 100%, or 80% when that is lower (or when it has no threshold at or below 100%).
 */
export function riskLevel(status: BudgetStatus): number {
  const top = Math.max(0, ...status.budget.thresholds.filter(t => t <= 100));
  return top > 0 ? Math.min(top, AT_RISK_UTILIZATION) : AT_RISK_UTILIZATION;
}

/**
 * The budgets whose spend or forecast reaches their risk level, the highest
 * forecast first.
 */
export function budgetsAtRisk(items: BudgetStatus[]): BudgetStatus[] {
  return items
    .filter(s => Math.max(s.utilization, s.forecastUtilization) >= riskLevel(s))
    .sort(
      (a, b) =>
        b.forecastUtilization - a.forecastUtilization ||
        b.utilization - a.utilization,
    );
}
