import { UsageMetric } from './CostSource';

/**
 * The usage metric a source yields for each Kubernetes workload it saw running for
 * an entity on a day, carrying the workload's labels as the source reported them.
 * The labels route compares them with the labels the entity's workloads must carry.
 *
 * @public
 */
export const WORKLOAD_LABELS_METRIC = 'kubernetes.workload.labels';

const WORKLOAD_KEY = 'workload';
const CLUSTER_KEY = 'cluster';
/** Observed labels are stored under this prefix; no label name contains a colon. */
const LABEL_PREFIX = 'label:';

/** The labels of one Kubernetes workload, as a source saw them on one day. @public */
export interface ObservedWorkloadLabels {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  entityRef: string;
  /** The workload, such as `payments/deployment:checkout`. */
  workload: string;
  cluster?: string;
  /**
   * The workload's labels under the names the source reported them with, such as
   * `tollgate_dev_team` for `tollgate.dev/team`.
   */
  labels: Record<string, string>;
}

/** The usage metric that records one workload's observed labels. @public */
export function workloadLabelsMetric(
  observed: ObservedWorkloadLabels,
): UsageMetric {
  const labels: Record<string, string> = { [WORKLOAD_KEY]: observed.workload };
  if (observed.cluster) {
    labels[CLUSTER_KEY] = observed.cluster;
  }
  for (const [key, value] of Object.entries(observed.labels)) {
    labels[`${LABEL_PREFIX}${key}`] = value;
  }
  return {
    day: observed.day,
    entityRef: observed.entityRef,
    metric: WORKLOAD_LABELS_METRIC,
    labels,
    value: 1,
  };
}

/**
 * Reads back what `workloadLabelsMetric` wrote; undefined for any other metric or a
 * metric without a workload.
 *
 * @public
 */
export function readWorkloadLabelsMetric(
  metric: UsageMetric,
): ObservedWorkloadLabels | undefined {
  const stored = metric.labels ?? {};
  const workload = stored[WORKLOAD_KEY];
  if (metric.metric !== WORKLOAD_LABELS_METRIC || !workload) {
    return undefined;
  }
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith(LABEL_PREFIX)) {
      labels[key.slice(LABEL_PREFIX.length)] = value;
    }
  }
  return {
    day: metric.day,
    entityRef: metric.entityRef,
    workload,
    ...(stored[CLUSTER_KEY] ? { cluster: stored[CLUSTER_KEY] } : {}),
    labels,
  };
}
