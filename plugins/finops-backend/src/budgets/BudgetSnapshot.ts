import { Entity } from '@backstage/catalog-model';
import {
  Budget,
  BudgetScope,
  BudgetStatus,
  GuardrailBudget,
  budgetScopeKey,
  guardrailBudget,
} from '@tollgate/plugin-finops-common';
import { CostedEntity } from '../entities/CostedEntity';
import { entityRefKey } from '../entities/entityRefKey';

/** A stored budget the snapshot leaves out, and why. */
export interface InvalidBudget {
  id: string;
  scope: BudgetScope;
  problem: string;
}

/** A budget scope as one text, `kind:value`, to key maps and locks by. */
export function scopeKey(scope: BudgetScope) {
  const { kind, value } = budgetScopeKey(scope);
  return `${kind}:${value}`;
}

/**
 * Every budget in force with its status at one moment, and the entities they cover:
 * built after each ingestion so that reads, and the guardrail, need no database.
 */
export class BudgetSnapshot {
  private readonly byScope = new Map<string, BudgetStatus>();
  private readonly overriddenByScope = new Map<string, Budget[]>();
  private readonly entitiesByRef: Map<string, CostedEntity>;
  private readonly guardrailByRef = new Map<string, GuardrailBudget[]>();
  private readonly parsed = new Map<BudgetStatus, GuardrailBudget>();
  private groupsByTeam?: Map<string, CostedEntity>;

  constructor(
    readonly takenAt: string,
    readonly asOf: string,
    readonly statuses: BudgetStatus[],
    overridden: Budget[],
    entities: readonly CostedEntity[],
    /** The catalog entities the snapshot was built from, for work that follows it. */
    readonly catalogEntities: Entity[] = [],
    /** Stored budgets left out because they cannot be evaluated, and why. */
    readonly invalidBudgets: InvalidBudget[] = [],
  ) {
    for (const status of statuses) {
      this.byScope.set(scopeKey(status.budget.scope), status);
    }
    for (const budget of overridden) {
      const key = scopeKey(budget.scope);
      this.overriddenByScope.set(key, [
        ...(this.overriddenByScope.get(key) ?? []),
        budget,
      ]);
    }
    this.entitiesByRef = new Map(entities.map(e => [e.entityRef, e]));
  }

  static empty(now: Date): BudgetSnapshot {
    return new BudgetSnapshot(
      now.toISOString(),
      now.toISOString().slice(0, 10),
      [],
      [],
      [],
    );
  }

  entity(entityRef: string): CostedEntity | undefined {
    return this.entitiesByRef.get(entityRefKey(entityRef));
  }

  /** The Group whose name is a team's, which declares the team's budget and limits. */
  teamGroup(team: string): CostedEntity | undefined {
    if (!this.groupsByTeam) {
      this.groupsByTeam = new Map();
      for (const entity of this.entitiesByRef.values()) {
        if ('team' in entity.ownScope) {
          this.groupsByTeam.set(entity.ownScope.team, entity);
        }
      }
    }
    return this.groupsByTeam.get(team);
  }

  entities(): Iterable<CostedEntity> {
    return this.entitiesByRef.values();
  }

  forScope(scope: BudgetScope): BudgetStatus | undefined {
    return this.byScope.get(scopeKey(scope));
  }

  overriddenFor(scope: BudgetScope): Budget[] {
    return this.overriddenByScope.get(scopeKey(scope)) ?? [];
  }

  /** The entity's own budget and those of its team and cost center. */
  budgetsOf(entity: CostedEntity): {
    own?: BudgetStatus;
    inherited: BudgetStatus[];
  } {
    const own = this.forScope(entity.ownScope);
    const inherited: BudgetStatus[] = [];
    const team = entity.team ? this.forScope({ team: entity.team }) : undefined;
    const costCenter = entity.costCenter
      ? this.forScope({ costCenter: entity.costCenter })
      : undefined;
    if (team && team !== own) inherited.push(team);
    if (costCenter) inherited.push(costCenter);
    return { own, inherited };
  }

  /**
   * The budgets the guardrail checks for an entity, own first, parsed at the first
   * check of the entity in this snapshot.
   */
  guardrailBudgets(entity: CostedEntity): GuardrailBudget[] {
    let budgets = this.guardrailByRef.get(entity.entityRef);
    if (!budgets) {
      budgets = this.covering(entity).map(status => {
        const budget = this.parsed.get(status) ?? guardrailBudget(status);
        this.parsed.set(status, budget);
        return budget;
      });
      this.guardrailByRef.set(entity.entityRef, budgets);
    }
    return budgets;
  }

  private covering(entity: CostedEntity): BudgetStatus[] {
    const { own, inherited } = this.budgetsOf(entity);
    return own ? [own, ...inherited] : inherited;
  }
}
