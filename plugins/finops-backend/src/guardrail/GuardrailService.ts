import { NotFoundError } from '@backstage/errors';
import {
  GuardrailDecision,
  decideGuardrail,
} from '@tollgate/plugin-finops-common';
import { BudgetService } from '../budgets/BudgetService';

/**
 * Answers whether an entity may spend an estimated amount, from the in-memory budget
 * snapshot: no database or catalog call on the request path. A snapshot older than
 * `maxSnapshotAgeMs` (its refreshes have been failing) no longer tells what a hard
 * budget has left: the answer says it is stale, and denies where a hard budget
 * covers the entity.
 */
export class GuardrailService {
  constructor(
    private readonly budgets: BudgetService,
    private readonly warnAtPercent: number,
    private readonly maxSnapshotAgeMs = Infinity,
    private readonly now: () => Date = () => new Date(),
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
    const budgets = snapshot.guardrailBudgets(entity);
    const decision = decideGuardrail({
      entityRef: entity.entityRef,
      estimateMicros: options.estimateMicros,
      currency: options.currency,
      budgets,
      warnAtPercent: this.warnAtPercent,
      snapshotAt: snapshot.takenAt,
    });
    const ageMs = this.now().getTime() - Date.parse(snapshot.takenAt);
    if (!(ageMs > this.maxSnapshotAgeMs)) {
      return decision;
    }
    const stale = `the budget snapshot of ${
      snapshot.takenAt
    } is older than ${Math.round(
      this.maxSnapshotAgeMs / 60_000,
    )} minutes (tollgate.budgets.maxSnapshotAgeMinutes)`;
    const hard = budgets.find(b => b.status.budget.enforcement === 'hard');
    if (hard && decision.decision !== 'deny') {
      return {
        ...decision,
        decision: 'deny',
        stale: true,
        reason: `Denied: ${stale}, so what the hard budget of ${entity.entityRef} has left is unknown`,
      };
    }
    return {
      ...decision,
      stale: true,
      reason: `${decision.reason}; stale: ${stale}`,
    };
  }
}
