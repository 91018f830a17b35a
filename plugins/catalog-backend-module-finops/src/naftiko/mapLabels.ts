import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  ANNOTATION_COST_CENTER,
  ANNOTATION_ENVIRONMENT_TIER,
  ANNOTATION_PROJECT,
  ANNOTATION_TEAM,
} from '@tollgate/plugin-finops-common';

/**
 * Capability labels mapped onto Tollgate annotations, the first present label of each
 * list winning.
 */
export const LABEL_MAPPING: ReadonlyArray<[string, readonly string[]]> = [
  [ANNOTATION_COST_CENTER, ['naftiko.io/cost-center', 'cost-center']],
  [ANNOTATION_TEAM, ['naftiko.io/team', 'team']],
  [ANNOTATION_PROJECT, ['naftiko.io/project', 'project']],
  [
    ANNOTATION_ENVIRONMENT_TIER,
    ['naftiko.io/env', 'naftiko.io/tier', 'env', 'environment'],
  ],
];

const MAPPED = new Set(LABEL_MAPPING.flatMap(([, keys]) => keys));

/** Labels under this prefix are Tollgate annotations of the capability, as written. */
export const TOLLGATE_LABEL_PREFIX = 'tollgate.dev/';

export interface MappedLabels {
  /**
   * Tollgate annotations of the mapping, for the capability and its APIs. Values are
   * copied as written: the governance processor checks them.
   */
  annotations: Record<string, string>;
  /**
   * Labels named `tollgate.dev/...` (a budget, a latency SLO, a Prometheus selector),
   * for the capability's component alone. They win over the mapped annotations.
   */
  componentAnnotations: Record<string, string>;
  /** The other labels that are valid entity labels. */
  labels: Record<string, string>;
}

/** Maps capability labels onto Tollgate annotations and entity labels. */
export function mapLabels(source: Record<string, string>): MappedLabels {
  const annotations: Record<string, string> = {};
  for (const [annotation, keys] of LABEL_MAPPING) {
    const key = keys.find(k => source[k] !== undefined);
    if (key) {
      annotations[annotation] = source[key];
    }
  }
  const componentAnnotations: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith(TOLLGATE_LABEL_PREFIX)) {
      componentAnnotations[key] = value;
    } else if (
      !MAPPED.has(key) &&
      KubernetesValidatorFunctions.isValidLabelKey(key) &&
      KubernetesValidatorFunctions.isValidLabelValue(value)
    ) {
      labels[key] = value;
    }
  }
  return { annotations, componentAnnotations, labels };
}
