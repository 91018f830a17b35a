import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_BILLING_GRANULARITY,
  ANNOTATION_BUDGET,
  ANNOTATION_BUDGET_ENFORCEMENT,
  ANNOTATION_BUDGET_THRESHOLDS,
  ANNOTATION_SPEND_RATE_LIMIT,
  ANNOTATION_TEAM,
  LABEL_ANNOTATIONS,
} from './keys';
import { ParseResult } from './ParseResult';
import {
  BillingGranularity,
  BudgetEnforcement,
  DEFAULT_BUDGET_THRESHOLDS,
  DeclaredBudget,
  SpendRateLimit,
  parseBillingGranularity,
  parseBudget,
  parseEnforcement,
  parseLabelValue,
  parseSpendRateLimit,
  parseThresholds,
} from './parsers';

/** A problem with one annotation of an entity. @public */
export interface AnnotationProblem {
  annotation: string;
  message: string;
}

/** The cost labels of an entity, read from its annotations. @public */
export interface EntityCostLabels {
  costCenter?: string;
  /** The team annotation, else the name of the owning group. */
  team?: string;
  project?: string;
  environmentTier?: string;
  budget?: DeclaredBudget;
  budgetThresholds: number[];
  budgetEnforcement: BudgetEnforcement;
  billingGranularity?: BillingGranularity;
  /** A cap on spend over a trailing window, enforced as `budgetEnforcement` says. */
  spendRateLimit?: SpendRateLimit;
  /** Every annotation that is present but malformed. Malformed values are left out above. */
  problems: AnnotationProblem[];
}

/**
 * Reads and validates the tollgate.dev annotations of an entity. Never throws: each
 * malformed annotation is reported in `problems` with a message naming it.
 *
 * @public
 */
export function readEntityCostLabels(entity: Entity): EntityCostLabels {
  const annotations = entity.metadata?.annotations ?? {};
  const problems: AnnotationProblem[] = [];
  function read<T>(
    key: string,
    parse: (name: string, value: unknown) => ParseResult<T>,
  ): T | undefined {
    if (!(key in annotations)) {
      return undefined;
    }
    const result = parse(key, annotations[key]);
    if (!result.ok) {
      problems.push({ annotation: key, message: result.error });
      return undefined;
    }
    return result.value;
  }
  const [costCenter, team, project, environmentTier] = LABEL_ANNOTATIONS.map(
    key => read(key, parseLabelValue),
  );
  return {
    costCenter,
    team:
      team ?? (ANNOTATION_TEAM in annotations ? undefined : ownerTeam(entity)),
    project,
    environmentTier,
    budget: read(ANNOTATION_BUDGET, parseBudget),
    budgetThresholds: read(ANNOTATION_BUDGET_THRESHOLDS, parseThresholds) ?? [
      ...DEFAULT_BUDGET_THRESHOLDS,
    ],
    budgetEnforcement:
      read(ANNOTATION_BUDGET_ENFORCEMENT, parseEnforcement) ?? 'advisory',
    billingGranularity: read(
      ANNOTATION_BILLING_GRANULARITY,
      parseBillingGranularity,
    ),
    spendRateLimit: read(ANNOTATION_SPEND_RATE_LIMIT, parseSpendRateLimit),
    problems,
  };
}

function ownerTeam(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(owner, { defaultKind: 'Group' });
    return ref.kind.toLocaleLowerCase('en-US') === 'group' &&
      parseLabelValue('owner', ref.name).ok
      ? ref.name
      : undefined;
  } catch {
    return undefined;
  }
}
