import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  BudgetEnforcement,
  BudgetScope,
  SpendRateLimit,
  ownBudgetScope,
  readEntityCostLabels,
} from '@tollgate/plugin-finops-common';
import { entityRefKey } from './entityRefKey';
import { rollupRefs } from './rollupRefs';

/**
 * A catalog entity as costing reads it: what ingestion attributes spend to, budgets
 * cover, scorecards score and the guardrail checks.
 */
export interface CostedEntity {
  /** Its ref as its key (see entityRefKey). */
  entityRef: string;
  /**
   * What its own budget covers: a Group's is its team's (`{ team }`), that of any other
   * kind is the entity by ref (`{ entityRef }`).
   */
  ownScope: BudgetScope;
  /** Its `tollgate.dev/team`, else the name of its owning group. */
  team?: string;
  /** Its `tollgate.dev/cost-center`. */
  costCenter?: string;
  /** The owning group, which alerts are sent to. */
  owner?: string;
  /** The entity and its parts, whose spend its own rolls up (see rollupRefs). */
  spendRefs: string[];
  /** Its `tollgate.dev/spend-rate-limit`, and whether it denies (hard) or warns. */
  spendRateLimit?: SpendRateLimit & { enforcement: BudgetEnforcement };
}

/** The costed entity of a catalog entity, from its annotations and relations. */
export function toCostedEntity(entity: Entity): CostedEntity {
  const labels = readEntityCostLabels(entity);
  const owner = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  return {
    entityRef: entityRefKey(entity),
    ownScope: ownBudgetScope(entity),
    team: labels.team,
    costCenter: labels.costCenter,
    owner: owner ?? (labels.team ? `group:default/${labels.team}` : undefined),
    ...(labels.spendRateLimit
      ? {
          spendRateLimit: {
            ...labels.spendRateLimit,
            enforcement: labels.budgetEnforcement,
          },
        }
      : {}),
    spendRefs: rollupRefs(entity),
  };
}

/**
 * An entity known by its ref alone, as one that joined the catalog after the last
 * read: its spend is its own, and its budget covers it by ref.
 */
export function uncataloguedEntity(entityRef: string): CostedEntity {
  const ref = entityRefKey(entityRef);
  return { entityRef: ref, ownScope: { entityRef: ref }, spendRefs: [ref] };
}
