import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COST_CENTER,
  ANNOTATION_ENVIRONMENT_TIER,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_PROJECT,
  ANNOTATION_TEAM,
} from '../annotations/keys';
import { readEntityCostLabels } from '../annotations/readEntityCostLabels';
import { parseLabelValue } from '../annotations/parsers';
import { openCostLabelName } from './labelNames';

/** The labels an entity's Kubernetes workloads must carry, and how to apply them. @public */
export interface KubernetesLabelPlan {
  entityRef: string;
  /** Label key to value. Keys are valid Kubernetes label keys, values valid label values. */
  labels: Record<string, string>;
  /** Labels that could not be derived, with the reason. */
  missing: Array<{ label: string; reason: string }>;
  /** A kustomize `labels` transformer entry. */
  kustomize: string;
  /** Helm values for charts that take `podLabels`. */
  helm: string;
  /** OpenCost / Kubecost allocation queries that aggregate by these labels. */
  openCost: Array<{ label: string; aggregate: string; reportedAs: string }>;
}

function selectorLabels(selector: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of (selector ?? '').split(',')) {
    const match = /^\s*([^=!\s]+)\s*==?\s*([^\s]+)\s*$/.exec(part);
    if (match) {
      labels[match[1]] = match[2];
    }
  }
  return labels;
}

const LABEL_KEYS: Array<
  [string, keyof ReturnType<typeof readEntityCostLabels>, string]
> = [
  [ANNOTATION_COST_CENTER, 'costCenter', 'cost center'],
  [ANNOTATION_TEAM, 'team', 'team'],
  [ANNOTATION_PROJECT, 'project', 'project'],
  [ANNOTATION_ENVIRONMENT_TIER, 'environmentTier', 'environment tier'],
];

/**
 * The Kubernetes labels an entity's workloads must carry so that Kubecost and
 * OpenCost can aggregate spend by cost center, team, project and tier, plus the
 * `backstage.io/kubernetes-id` label that matches the workloads to the entity.
 *
 * @public
 */
export function kubernetesLabelPlan(
  entity: Entity,
  entityRef: string,
): KubernetesLabelPlan {
  const costLabels = readEntityCostLabels(entity);
  const annotations = entity.metadata.annotations ?? {};
  const labels: Record<string, string> = {};
  const missing: KubernetesLabelPlan['missing'] = [];
  for (const [key, field, name] of LABEL_KEYS) {
    const value = costLabels[field] as string | undefined;
    if (value) {
      labels[key] = value;
    } else {
      const problem = costLabels.problems.find(p => p.annotation === key);
      missing.push({
        label: key,
        reason: problem
          ? problem.message
          : `no ${name}: set the ${key} annotation`,
      });
    }
  }
  const kubernetesId =
    annotations[ANNOTATION_KUBERNETES_ID] ??
    selectorLabels(annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR])[
      ANNOTATION_KUBERNETES_ID
    ] ??
    entity.metadata.name;
  if (parseLabelValue(ANNOTATION_KUBERNETES_ID, kubernetesId).ok) {
    labels[ANNOTATION_KUBERNETES_ID] = kubernetesId;
  } else {
    missing.push({
      label: ANNOTATION_KUBERNETES_ID,
      reason: `${JSON.stringify(kubernetesId)} is not a valid label value`,
    });
  }
  const pairs = Object.entries(labels);
  return {
    entityRef,
    labels,
    missing,
    kustomize: [
      'labels:',
      '  - includeSelectors: false',
      '    includeTemplates: true',
      '    pairs:',
      ...pairs.map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`),
    ].join('\n'),
    helm: [
      'podLabels:',
      ...pairs.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
    ].join('\n'),
    openCost: pairs.map(([key]) => ({
      label: key,
      aggregate: `label:${key}`,
      reportedAs: openCostLabelName(key),
    })),
  };
}
