import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { readEntityCostLabels } from '../annotations/readEntityCostLabels';
import { formatMicros } from '../money/Money';
import { Budget } from './types';

/** The id of the budget an entity declares in its annotations. @public */
export function annotationBudgetId(entityRef: string): string {
  return `annotation:${entityRef}`;
}

/**
 * The budget an entity declares with `tollgate.dev/budget` (and `-thresholds`,
 * `-enforcement`), or undefined when it declares none or a malformed one (the catalog
 * processor reports those).
 *
 * @public
 */
export function annotationBudget(entity: Entity): Budget | undefined {
  const labels = readEntityCostLabels(entity);
  if (!labels.budget) {
    return undefined;
  }
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  return {
    id: annotationBudgetId(entityRef),
    scope: { entityRef },
    amount: formatMicros(labels.budget.amountMicros),
    currency: labels.budget.currency,
    period: labels.budget.period,
    thresholds: labels.budgetThresholds,
    enforcement: labels.budgetEnforcement,
    origin: 'annotation',
  };
}
