import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { readEntityCostLabels } from '../annotations/readEntityCostLabels';
import { formatMicros } from '../money/Money';
import { Budget, BudgetScope } from './types';

/** The id of the budget an entity declares in its annotations. @public */
export function annotationBudgetId(entityRef: string): string {
  return `annotation:${entityRef}`;
}

/**
 * What an entity's own budget covers: a Group's is its team's (all spend attributed to
 * the team), any other entity's is the entity with its parts.
 *
 * @public
 */
export function ownBudgetScope(entity: Entity): BudgetScope {
  if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
    return { team: entity.metadata.name };
  }
  return { entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US') };
}

/**
 * The budget an entity declares with `tollgate.dev/budget` (and `-thresholds`,
 * `-enforcement`), or undefined when it declares none or a malformed one (the catalog
 * processor reports those). On a Group it is the team's budget.
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
    scope: ownBudgetScope(entity),
    amount: formatMicros(labels.budget.amountMicros),
    currency: labels.budget.currency,
    period: labels.budget.period,
    thresholds: labels.budgetThresholds,
    enforcement: labels.budgetEnforcement,
    origin: 'annotation',
  };
}
