import { DayWindow } from '../types';
import { KubernetesLabelPlan } from './kubernetesLabels';
import { openCostLabelName } from './labelNames';

/** One Kubernetes workload seen running for an entity, with its labels. @public */
export interface SeenWorkloadLabels {
  /** The UTC day it was seen, YYYY-MM-DD. */
  day: string;
  /** Such as `payments/deployment:checkout`. */
  workload: string;
  cluster?: string;
  /** Its labels, under their own names or the names OpenCost reports them under. */
  labels: Record<string, string>;
}

/** One workload seen for the entity, as of the last day it was seen. @public */
export interface KubernetesDriftWorkload {
  workload: string;
  cluster?: string;
  lastSeen: string;
}

/** A planned label that a workload lacks or carries with another value. @public */
export interface KubernetesLabelDriftItem {
  workload: string;
  cluster?: string;
  /** The label key as planned, such as `tollgate.dev/team`. */
  label: string;
  /** The name OpenCost reports it under, such as `tollgate_dev_team`. */
  reportedAs: string;
  expected: string;
  /** The value the workload carries; undefined when it lacks the label. */
  seen?: string;
  problem: 'missing' | 'different';
}

/**
 * How the labels of an entity's workloads compare with its label plan:
 * `unknown` when no workload of the entity was seen in the window (so nothing can be
 * said), `in-sync` when every seen workload carries every planned label, `drifted`
 * otherwise.
 *
 * @public
 */
export interface KubernetesLabelDrift {
  window: DayWindow;
  status: 'unknown' | 'in-sync' | 'drifted';
  workloads: KubernetesDriftWorkload[];
  items: KubernetesLabelDriftItem[];
}

/** The answer of the labels route: the plan and how the seen workloads drift from it. @public */
export interface KubernetesLabelsResponse extends KubernetesLabelPlan {
  drift: KubernetesLabelDrift;
}

/**
 * A planned label's value on a workload, looked up under the label's own name, the
 * name OpenCost reports it under (`tollgate_dev_team`) and the kube-state-metrics
 * form (`label_tollgate_dev_team`).
 */
function seenValue(
  labels: Record<string, string>,
  key: string,
): string | undefined {
  const reported = openCostLabelName(key);
  for (const name of [key, reported, `label_${reported}`]) {
    if (labels[name] !== undefined) {
      return labels[name];
    }
  }
  return undefined;
}

/**
 * Compares the labels the entity's workloads were seen with against its label plan.
 * Each workload counts as of the last day it was seen. Only the labels the plan could
 * derive are compared; labels a workload carries beyond the plan are not drift.
 *
 * @public
 */
export function kubernetesLabelDrift(
  plan: Pick<KubernetesLabelPlan, 'labels'>,
  seen: SeenWorkloadLabels[],
  window: DayWindow,
): KubernetesLabelDrift {
  const latest = new Map<string, SeenWorkloadLabels>();
  for (const observation of seen) {
    const id = `${observation.cluster ?? ''}\u0000${observation.workload}`;
    const previous = latest.get(id);
    if (!previous || observation.day >= previous.day) {
      latest.set(id, observation);
    }
  }
  const observations = [...latest.values()].sort(
    (a, b) =>
      (a.cluster ?? '').localeCompare(b.cluster ?? '', 'en-US') ||
      a.workload.localeCompare(b.workload, 'en-US'),
  );

  const items: KubernetesLabelDriftItem[] = [];
  for (const observation of observations) {
    for (const [label, expected] of Object.entries(plan.labels)) {
      const value = seenValue(observation.labels, label);
      if (value === expected) {
        continue;
      }
      items.push({
        workload: observation.workload,
        ...(observation.cluster ? { cluster: observation.cluster } : {}),
        label,
        reportedAs: openCostLabelName(label),
        expected,
        ...(value === undefined ? {} : { seen: value }),
        problem: value === undefined ? 'missing' : 'different',
      });
    }
  }

  let status: KubernetesLabelDrift['status'] = 'in-sync';
  if (observations.length === 0) {
    status = 'unknown';
  } else if (items.length > 0) {
    status = 'drifted';
  }
  return {
    window,
    status,
    workloads: observations.map(o => ({
      workload: o.workload,
      ...(o.cluster ? { cluster: o.cluster } : {}),
      lastSeen: o.day,
    })),
    items,
  };
}
