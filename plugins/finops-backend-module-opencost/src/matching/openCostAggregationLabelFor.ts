import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  openCostLabelName,
} from '@tollgate/plugin-finops-common';
import { DEFAULT_OPENCOST_AGGREGATE } from '../config/OpenCostSourceConfig';
import { aggregatedLabelKey, parseLabelSelector } from './labels';

/**
 * The Kubernetes label whose value OpenCost names an entity's allocation by.
 *
 * @public
 */
export interface OpenCostAggregationLabel {
  /** The label key as set on workloads, such as `backstage.io/kubernetes-id`. */
  key: string;
  /** The key as OpenCost reports it, such as `backstage_io_kubernetes_id`. */
  sanitizedKey: string;
  /** The value the entity's workloads must carry to be attributed to it. */
  value: string;
}

/**
 * Which label key and value OpenCost aggregates an entity's workloads by, given the
 * source's `aggregate` setting (default `label:backstage.io/kubernetes-id`): the value
 * its `backstage.io/kubernetes-label-selector` requires for that key, else its
 * `backstage.io/kubernetes-id`. This is the same rule the OpenCost source matches
 * allocations with, so an entity whose workloads carry this label is attributed its
 * cost. Answers undefined when the aggregation is not by label or the entity names no
 * value for it.
 *
 * @public
 */
export function openCostAggregationLabelFor(
  entity: Entity,
  aggregate: string = DEFAULT_OPENCOST_AGGREGATE,
): OpenCostAggregationLabel | undefined {
  const key = aggregatedLabelKey(aggregate);
  if (key === undefined) {
    return undefined;
  }
  const sanitizedKey = openCostLabelName(key);
  const annotations = entity.metadata.annotations ?? {};
  const selector = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR];
  const fromSelector = selector
    ? parseLabelSelector(selector)?.find(
        requirement =>
          requirement.key === key ||
          openCostLabelName(requirement.key) === sanitizedKey,
      )?.value
    : undefined;
  const value = fromSelector || annotations[ANNOTATION_KUBERNETES_ID]?.trim();
  return value ? { key, sanitizedKey, value } : undefined;
}
