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
