import { openCostLabelName } from '@tollgate/plugin-finops-common';

const LABEL_KEY_PATTERN =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE_PATTERN = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/**
 * The name OpenCost reports a Kubernetes label under: Prometheus label names allow
 * only letters, digits and underscores, so `backstage.io/kubernetes-id` becomes
 * `backstage_io_kubernetes_id`.
 *
 * @public
 * @deprecated Use `openCostLabelName` from `@tollgate/plugin-finops-common`.
 */
export function sanitizeLabelName(name: string): string {
  return openCostLabelName(name);
}

/** One `key=value` requirement of a label selector. @public */
export interface LabelRequirement {
  key: string;
  value: string;
}

/**
 * Parses an equality-based Kubernetes label selector such as
 * `app=summarizer,tier=backend` (`==` is accepted for `=`). Answers undefined for
 * selectors that use anything else (`!=`, `in`, `notin`, `exists`), which cannot be
 * matched against the labels OpenCost reports.
 *
 * @public
 */
export function parseLabelSelector(
  selector: string,
): LabelRequirement[] | undefined {
  const requirements: LabelRequirement[] = [];
  for (const part of selector.split(',')) {
    const match = /^\s*([^=!\s]+)\s*==?\s*([^=!,\s]*)\s*$/.exec(part);
    if (
      !match ||
      !LABEL_KEY_PATTERN.test(match[1]) ||
      !LABEL_VALUE_PATTERN.test(match[2])
    ) {
      return undefined;
    }
    requirements.push({ key: match[1], value: match[2] });
  }
  return requirements.length > 0 ? requirements : undefined;
}

/** The label key of a `label:<key>` aggregation, else undefined. */
export function aggregatedLabelKey(aggregate: string): string | undefined {
  return aggregate.startsWith('label:') ? aggregate.slice(6) : undefined;
}

/** Looks a label up under its own name or the name OpenCost reports it under. */
export function readLabel(
  labels: Record<string, string>,
  key: string,
): string | undefined {
  return labels[key] ?? labels[openCostLabelName(key)];
}
