import {
  KubernetesLabelDrift,
  KubernetesLabelPlan,
  addDays,
  kubernetesLabelDrift,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import {
  ObservedWorkloadLabels,
  WORKLOAD_LABELS_METRIC,
  readWorkloadLabelsMetric,
} from '@tollgate/plugin-finops-node';
import { CostStore } from '../costs/store/CostStore';

/** How many days of ingested workload labels, ending today, drift is judged on. */
export const LABEL_DRIFT_DAYS = 7;

/**
 * How the workloads that cost sources saw for the plan's entity in the last days
 * drift from its label plan, read from the `kubernetes.workload.labels` usage metrics
 * the sources stored (the OpenCost source yields them). `unknown` when none was seen.
 */
export async function readLabelDrift(
  costStore: Pick<CostStore, 'usageMetrics'>,
  plan: Pick<KubernetesLabelPlan, 'entityRef' | 'labels'>,
  now: Date = new Date(),
): Promise<KubernetesLabelDrift> {
  const to = todayUtc(now);
  const window = { from: addDays(to, 1 - LABEL_DRIFT_DAYS), to };
  const metrics = await costStore.usageMetrics({
    entityRefs: [plan.entityRef],
    window,
    metrics: [WORKLOAD_LABELS_METRIC],
  });
  const seen = metrics
    .map(readWorkloadLabelsMetric)
    .filter((o): o is ObservedWorkloadLabels => o !== undefined);
  return kubernetesLabelDrift(plan, seen, window);
}
