import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_BUDGET,
  ANNOTATION_COST_CENTER,
  ANNOTATION_TEAM,
} from '../annotations/keys';
import { readEntityCostLabels } from '../annotations/readEntityCostLabels';
import { LABELLED_ENTITY_KINDS } from '../entityKinds';
import {
  GovernanceRuleDefinition,
  RuleCheckResult,
} from './GovernanceRuleDefinition';

function has(entity: Entity, annotation: string): boolean {
  return annotation in (entity.metadata?.annotations ?? {});
}

function missing(
  annotation: string,
  expected: string,
  example: string,
): RuleCheckResult {
  return {
    annotation,
    message: `${annotation} is missing: expected ${expected}, such as "${example}"`,
    howToFix: `Add "${annotation}: ${example}" (with your own value) under metadata.annotations.`,
  };
}

/** Every entity carries a cost center. */
export const costCenterRequired: GovernanceRuleDefinition = {
  id: 'cost-center-required',
  defaultKinds: LABELLED_ENTITY_KINDS,
  check: entity =>
    has(entity, ANNOTATION_COST_CENTER)
      ? []
      : [
          missing(
            ANNOTATION_COST_CENTER,
            'the cost center that pays for it, as a Kubernetes label value',
            'cc-4100',
          ),
        ],
};

/**
 * Every entity can be attributed to a team: through its team annotation, or else
 * through a group that owns it.
 */
export const teamRequired: GovernanceRuleDefinition = {
  id: 'team-required',
  defaultKinds: LABELLED_ENTITY_KINDS,
  check: entity => {
    if (has(entity, ANNOTATION_TEAM) || readEntityCostLabels(entity).team) {
      return [];
    }
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    const ownerText =
      typeof owner === 'string' && owner
        ? `the owner ${JSON.stringify(owner)} is not a group`
        : 'the entity has no owner';
    return [
      {
        annotation: ANNOTATION_TEAM,
        message: `${ANNOTATION_TEAM} is missing and ${ownerText}: expected a team name as a Kubernetes label value, such as "ml-apps"`,
        howToFix: `Add "${ANNOTATION_TEAM}: ml-apps" (with your own team) under metadata.annotations, or make a group the owner (spec.owner: group:<team>).`,
      },
    ];
  },
};

/** Every entity declares a budget. */
export const budgetRequired: GovernanceRuleDefinition = {
  id: 'budget-required',
  defaultKinds: LABELLED_ENTITY_KINDS,
  check: entity =>
    has(entity, ANNOTATION_BUDGET)
      ? []
      : [
          missing(
            ANNOTATION_BUDGET,
            'an amount, a currency code and a period (month, quarter or year)',
            '2500 USD/month',
          ),
        ],
};
