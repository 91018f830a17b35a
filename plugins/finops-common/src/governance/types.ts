/** How a governance rule acts: it reports, or it also blocks catalog ingestion. @public */
export type GovernanceLevel = 'advisory' | 'enforced';

/** @public */
export const GOVERNANCE_LEVELS: readonly GovernanceLevel[] = [
  'advisory',
  'enforced',
];

/** The built-in governance rules. @public */
export type GovernanceRuleId =
  | 'cost-center-required'
  | 'team-required'
  | 'budget-required'
  | 'billing-granularity-required'
  | 'operation-billing-tags'
  | 'valid-label-values'
  | 'unique-vendor-ids';

/** @public */
export const GOVERNANCE_RULE_IDS: readonly GovernanceRuleId[] = [
  'cost-center-required',
  'team-required',
  'budget-required',
  'billing-granularity-required',
  'operation-billing-tags',
  'valid-label-values',
  'unique-vendor-ids',
];

/**
 * The rule that checks the syntax of every Tollgate annotation and billing tag that is
 * present. It always runs, on every entity, and is always enforced.
 *
 * @public
 */
export const SYNTAX_RULE_ID: GovernanceRuleId = 'valid-label-values';

/**
 * The rule that no two entities claim the same vendor project, workspace, team or API
 * key, whose spend then stays unallocated. It looks at the whole catalog at once, so
 * the finops backend's findings report it (the catalog processor sees one entity at a
 * time); it always runs there, advisory.
 *
 * @public
 */
export const VENDOR_CLAIM_RULE_ID: GovernanceRuleId = 'unique-vendor-ids';

/**
 * A configured governance rule: which rule, at which level, and on which entities.
 * Filters that are left out match every entity the rule applies to.
 *
 * @public
 */
export interface GovernanceRule {
  id: GovernanceRuleId;
  level: GovernanceLevel;
  /** Entity kinds, compared without regard to case. */
  kinds?: string[];
  /** Values of `spec.type`, compared without regard to case. */
  types?: string[];
  /** Entity namespaces, compared without regard to case. */
  namespaces?: string[];
}

/** One rule that one entity does not satisfy. @public */
export interface GovernanceFinding {
  ruleId: GovernanceRuleId;
  level: GovernanceLevel;
  /** The entity, as a full entity ref such as `component:default/summarizer`. */
  entityRef: string;
  /** The annotation concerned, if any. */
  annotation?: string;
  /** The API operation concerned, for billing tag findings. */
  operationId?: string;
  /** Names the annotation or field, the bad value and the expected form. */
  message: string;
  howToFix: string;
}

/**
 * What `GET /v1/governance/findings` answers: the findings, and the share of
 * components fully labelled per team. @public
 */
export interface GovernanceReport {
  items: GovernanceFinding[];
  byTeam: Array<{ team: string; entities: number; fullyLabelled: number }>;
}

/** The rules that apply when none are configured. @public */
export const DEFAULT_GOVERNANCE_RULES: readonly GovernanceRule[] = [
  { id: 'cost-center-required', level: 'advisory', kinds: ['Component'] },
];
