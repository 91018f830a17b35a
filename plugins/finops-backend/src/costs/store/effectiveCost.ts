import { CostRecord } from '@tollgate/plugin-finops-common';

/**
 * The effective cost of a stored row (FOCUS EffectiveCost: amortized, after
 * commitments and discounts), which showback, budgets, forecasts, alerts and
 * scorecards count: a NULL `effective_cost` is equal to the billed cost. Invoices,
 * exports and reconciliation count `billed_cost`.
 */
export const EFFECTIVE_COST_SQL = 'COALESCE(effective_cost, billed_cost)';

/** The sum of the effective cost of rows, as a select expression. */
export function sumEffectiveCost(alias: string): string {
  return `SUM(${EFFECTIVE_COST_SQL}) AS ${alias}`;
}

/**
 * Rows merged into one (compaction): NULL while every row's is NULL, so that merged
 * rows keep meaning "equal to billed"; otherwise the sum of their effective costs.
 */
export const MERGED_EFFECTIVE_COST_SQL = `CASE WHEN COUNT(effective_cost) = 0 THEN NULL ELSE SUM(${EFFECTIVE_COST_SQL}) END`;

/** A record's effective cost as stored: undefined (NULL) where it equals the billed cost. */
export function storedEffectiveCost(record: CostRecord): bigint | undefined {
  const effective = record.effectiveCostMicros;
  return effective === record.billedCostMicros ? undefined : effective;
}

/** Billed and effective cost summed; `effective` absent while it equals `billed`. */
export interface CostSums {
  billed: bigint;
  effective?: bigint;
}

/**
 * Adds a billed and an effective cost (absent where it equals the billed) to sums,
 * keeping the effective cost absent while every part's is.
 */
export function addCosts(
  sums: CostSums,
  billed: bigint,
  effective: bigint | undefined,
): void {
  if (effective !== undefined || sums.effective !== undefined) {
    sums.effective = (sums.effective ?? sums.billed) + (effective ?? billed);
  }
  sums.billed += billed;
}
