import { OpenCostAllocation } from '../client/OpenCostAllocation';
import { isSpecialAllocation } from './allocationNames';
import { aggregatedLabelKey, readLabel } from './labels';

/**
 * The aggregation the source asks for when it reads workload labels: one allocation
 * per controller (or per namespace's pods without one) and cluster. With
 * `includeAggregatedMetadata=true`, OpenCost keeps the labels that all the
 * controller's pods share in each allocation's `properties.labels`.
 */
export const WORKLOAD_AGGREGATE = 'cluster,namespace,controller';

/** The workload properties of an allocation that the source reads. */
export type WorkloadAllocation = Pick<
  OpenCostAllocation,
  | 'name'
  | 'cluster'
  | 'namespace'
  | 'controller'
  | 'controllerKind'
  | 'pod'
  | 'labels'
>;

/**
 * How a workload allocation is named: `namespace/kind:controller`, else
 * `namespace/pod:name` for a single pod without a controller, else
 * `namespace/(no controller)`. Undefined for allocations that are no workload:
 * idle, unmounted volumes, allocations without a namespace.
 */
export function workloadName(
  allocation: WorkloadAllocation,
): string | undefined {
  const { namespace, controller, controllerKind, pod } = allocation;
  if (
    !namespace ||
    isSpecialAllocation(namespace) ||
    allocation.name.split('/').some(part => /^__(idle|unmounted)__$/.test(part))
  ) {
    return undefined;
  }
  if (controller) {
    return `${namespace}/${
      controllerKind ? `${controllerKind}:` : ''
    }${controller}`;
  }
  if (pod && !isSpecialAllocation(pod)) {
    return `${namespace}/pod:${pod}`;
  }
  return `${namespace}/(no controller)`;
}

const CONTROLLER_KINDS = new Set([
  'deployment',
  'statefulset',
  'daemonset',
  'job',
]);

/**
 * The value a workload has for the source's configured aggregation, the value that
 * its cost allocation is named by: a label's value for `label:<key>`, else the
 * property. Undefined where the workload lacks it (its cost is then unallocated).
 */
export function aggregatedValue(
  workload: WorkloadAllocation,
  aggregate: string,
): string | undefined {
  const key = aggregatedLabelKey(aggregate);
  if (key !== undefined) {
    return readLabel(workload.labels, key);
  }
  if (CONTROLLER_KINDS.has(aggregate)) {
    return workload.controllerKind === aggregate
      ? workload.controller
      : undefined;
  }
  switch (aggregate) {
    case 'cluster':
      return workload.cluster;
    case 'namespace':
      return workload.namespace;
    case 'controllerKind':
      return workload.controllerKind;
    case 'controller':
      return workload.controller && workload.controllerKind
        ? `${workload.controllerKind}:${workload.controller}`
        : workload.controller;
    case 'pod':
      return workload.pod;
    default:
      return undefined;
  }
}
