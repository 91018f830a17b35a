import {
  UsageMetric,
  workloadLabelsMetric,
} from '@tollgate/plugin-finops-node';
import { OpenCostAllocation } from '../client/OpenCostAllocation';
import { EntityAllocationMatcher } from '../matching/EntityAllocationMatcher';
import { workloadName } from '../matching/workloads';

/**
 * One usage metric per entity and workload that OpenCost saw on a day, carrying the
 * workload's labels as OpenCost reported them (Prometheus-sanitized names). A
 * workload belongs to the entity its cost is attributed to; workloads whose cost is
 * unallocated, and allocations that are no workload (idle, unmounted), give none.
 */
export function workloadLabelMetrics(
  allocations: OpenCostAllocation[],
  options: { day: string; matcher: EntityAllocationMatcher; cluster?: string },
): UsageMetric[] {
  const metrics = new Map<string, UsageMetric>();
  for (const allocation of allocations) {
    const workload = workloadName(allocation);
    const entityRef = workload
      ? options.matcher.matchWorkload(allocation)
      : undefined;
    if (!workload || !entityRef) {
      continue;
    }
    const cluster = options.cluster ?? allocation.cluster;
    metrics.set(
      [entityRef, cluster ?? '', workload].join('\u0000'),
      workloadLabelsMetric({
        day: options.day,
        entityRef,
        workload,
        cluster,
        labels: allocation.labels,
      }),
    );
  }
  return [...metrics.values()];
}
