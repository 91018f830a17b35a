/**
 * Which cost a figure is, in FOCUS terms. `effective` is the amortized cost after
 * commitments and discounts (FOCUS EffectiveCost), which showback, budgets, forecasts,
 * alerts and scorecards count; `billed` is what the invoice charges (FOCUS
 * BilledCost), which invoices, exports and reconciliation count. They differ where a
 * commitment covers usage (billed 0, effective its share) or is bought (billed whole,
 * effective 0); otherwise they are equal.
 *
 * @public
 */
export type CostBasis = 'effective' | 'billed';
