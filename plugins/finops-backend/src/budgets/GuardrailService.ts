import { NotFoundError } from '@backstage/errors';
import {
  GuardrailDecision,
  decideGuardrail,
} from '@tollgate/plugin-finops-common';
import { BudgetService } from './BudgetService';

/**
 * Answers whether an entity may spend an estimated amount, from the in-memory budget
 * snapshot: no database or catalog call on the request path.
 */
export class GuardrailService {
  constructor(
    private readonly budgets: BudgetService,
    private readonly warnAtPercent: number,
  ) {}

  check(options: {
    entityRef: string;
    estimateMicros: bigint;
    currency: string;
  }): GuardrailDecision {
    const snapshot = this.budgets.current();
    const entity = snapshot.entity(options.entityRef);
    if (!entity) {
      throw new NotFoundError(
        `No entity ${options.entityRef} in the catalog as of the budget snapshot taken at ${snapshot.takenAt}`,
      );
    }
    return decideGuardrail({
      entityRef: entity.entityRef,
      estimateMicros: options.estimateMicros,
      currency: options.currency,
      budgets: snapshot.guardrailBudgets(entity),
      warnAtPercent: this.warnAtPercent,
      snapshotAt: snapshot.takenAt,
    });
  }
}
