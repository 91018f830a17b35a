import {
  billingGranularityRequired,
  operationBillingTags,
} from './billingRules';
import { GovernanceRuleDefinition } from './GovernanceRuleDefinition';
import {
  budgetRequired,
  costCenterRequired,
  teamRequired,
} from './requiredAnnotationRules';
import { validLabelValues } from './syntaxRule';
import { uniqueVendorIds } from './vendorClaimConflicts';
import { GovernanceRuleId } from './types';

/** The built-in rules by id. */
export const RULE_DEFINITIONS: Record<
  GovernanceRuleId,
  GovernanceRuleDefinition
> = {
  'cost-center-required': costCenterRequired,
  'team-required': teamRequired,
  'budget-required': budgetRequired,
  'billing-granularity-required': billingGranularityRequired,
  'operation-billing-tags': operationBillingTags,
  'valid-label-values': validLabelValues,
  'unique-vendor-ids': uniqueVendorIds,
};

/**
 * What each built-in rule checks, for reports and documentation.
 *
 * @public
 */
export const GOVERNANCE_RULE_DESCRIPTIONS: Record<GovernanceRuleId, string> = {
  'cost-center-required':
    'The entity carries tollgate.dev/cost-center (by default on Component, Resource, System and API).',
  'team-required':
    'The entity can be attributed to a team: tollgate.dev/team, or a group as owner.',
  'budget-required': 'The entity declares tollgate.dev/budget.',
  'billing-granularity-required':
    'An API consumed by a component declares tollgate.dev/billing-granularity.',
  'operation-billing-tags':
    'Each operation of an OpenAPI API carries x-tollgate-billing.',
  'valid-label-values':
    'Every Tollgate annotation and billing tag that is present has a valid value. Always on and enforced.',
  'unique-vendor-ids':
    'No two entities list the same vendor id in tollgate.dev/openai-projects, tollgate.dev/anthropic-workspaces, tollgate.dev/litellm-teams or tollgate.dev/api-keys: its spend would stay unallocated. Checked across the catalog by the finops backend; always on and advisory.',
};
