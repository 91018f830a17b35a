import { Budget, budgetScopeKey } from '@tollgate/plugin-finops-common';
import { CostedEntity } from '../entities/CostedEntity';

/** Spend per day, by `kind:value` scope key, in one currency. */
export type Series = Map<string, ReadonlyMap<string, bigint>>;

/** No spend: one object, so that scopes without spend compare equal. */
export const EMPTY: ReadonlyMap<string, bigint> = new Map();

/** Daily spend by scope, as one read of `BudgetSpend` left it. */
export class SpendSeries {
  constructor(private readonly byCurrency: Map<string, Series>) {}

  /**
   * The series a budget's spend is the sum of: its team's or cost center's, or those of
   * its entity and the entity's parts.
   */
  partsOf(
    budget: Budget,
    entityByRef: ReadonlyMap<string, CostedEntity>,
  ): Array<ReadonlyMap<string, bigint>> {
    const series = this.byCurrency.get(budget.currency);
    const { kind, value } = budgetScopeKey(budget.scope);
    if (kind !== 'entity') {
      return [series?.get(`${kind}:${value}`) ?? EMPTY];
    }
    const refs = entityByRef.get(value)?.spendRefs ?? [value];
    return refs.map(ref => series?.get(`entity:${ref}`) ?? EMPTY);
  }
}

/** The sum of daily series. */
export function sumDaily(
  parts: Array<ReadonlyMap<string, bigint>>,
): ReadonlyMap<string, bigint> {
  if (parts.length === 1) {
    return parts[0];
  }
  const total = new Map<string, bigint>();
  for (const part of parts) {
    for (const [day, cost] of part) {
      total.set(day, (total.get(day) ?? 0n) + cost);
    }
  }
  return total;
}
