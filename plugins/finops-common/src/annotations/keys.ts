/**
 * Keys of the catalog entity annotations that Tollgate reads.
 *
 * @public
 */
export const TOLLGATE_ANNOTATION_PREFIX = 'tollgate.dev/';

/** @public */
export const ANNOTATION_COST_CENTER = 'tollgate.dev/cost-center';
/** @public */
export const ANNOTATION_TEAM = 'tollgate.dev/team';
/** @public */
export const ANNOTATION_PROJECT = 'tollgate.dev/project';
/** @public */
export const ANNOTATION_ENVIRONMENT_TIER = 'tollgate.dev/environment-tier';
/** @public */
export const ANNOTATION_BUDGET = 'tollgate.dev/budget';
/** @public */
export const ANNOTATION_BUDGET_THRESHOLDS = 'tollgate.dev/budget-thresholds';
/** @public */
export const ANNOTATION_BUDGET_ENFORCEMENT = 'tollgate.dev/budget-enforcement';
/** @public */
export const ANNOTATION_BILLING_GRANULARITY =
  'tollgate.dev/billing-granularity';
/** @public */
export const ANNOTATION_PROMETHEUS_SELECTOR =
  'tollgate.dev/prometheus-selector';
/** @public */
export const ANNOTATION_OUTCOME_QUERY = 'tollgate.dev/outcome-query';
/** What one outcome of the outcome query is, singular, such as `triaged ticket`. @public */
export const ANNOTATION_OUTCOME_UNIT = 'tollgate.dev/outcome-unit';

/** A trailing-window cap on spend, such as `25 USD/hour`. @public */
export const ANNOTATION_SPEND_RATE_LIMIT = 'tollgate.dev/spend-rate-limit';

/** The p95 latency objective, such as `800ms` or `1.5s`. @public */
export const ANNOTATION_LATENCY_SLO = 'tollgate.dev/latency-slo';

/** Comma-separated OpenAI project ids whose spend belongs to the entity. @public */
export const ANNOTATION_OPENAI_PROJECTS = 'tollgate.dev/openai-projects';
/** Comma-separated Anthropic workspace ids whose spend belongs to the entity. @public */
export const ANNOTATION_ANTHROPIC_WORKSPACES =
  'tollgate.dev/anthropic-workspaces';
/** Comma-separated LiteLLM team ids or aliases whose spend belongs to the entity. @public */
export const ANNOTATION_LITELLM_TEAMS = 'tollgate.dev/litellm-teams';
/**
 * Comma-separated API key ids of any vendor (OpenAI, Anthropic, LiteLLM key aliases or
 * hashes) whose spend belongs to the entity. @public
 */
export const ANNOTATION_API_KEYS = 'tollgate.dev/api-keys';

/**
 * The annotations that list vendor ids whose spend belongs to an entity, in the order
 * attribution asks them: a key's claim decides before the claim of its project,
 * workspace or team.
 *
 * @public
 */
export const VENDOR_ID_ANNOTATIONS = [
  ANNOTATION_API_KEYS,
  ANNOTATION_OPENAI_PROJECTS,
  ANNOTATION_ANTHROPIC_WORKSPACES,
  ANNOTATION_LITELLM_TEAMS,
] as const;

/** One of {@link VENDOR_ID_ANNOTATIONS}. @public */
export type VendorIdAnnotation = (typeof VENDOR_ID_ANNOTATIONS)[number];

/** Backstage's own annotations that Tollgate matches Kubernetes workloads with. @public */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** @public */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/**
 * Annotations whose values are propagated to Kubernetes labels, and so must be valid
 * label values.
 *
 * @public
 */
export const LABEL_ANNOTATIONS = [
  ANNOTATION_COST_CENTER,
  ANNOTATION_TEAM,
  ANNOTATION_PROJECT,
  ANNOTATION_ENVIRONMENT_TIER,
] as const;
