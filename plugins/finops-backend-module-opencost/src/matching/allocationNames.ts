import { openCostLabelName } from '@tollgate/plugin-finops-common';
import { aggregatedLabelKey } from './labels';

const IDLE = '__idle__';
const UNALLOCATED = '__unallocated__';

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Whether an allocation is the cluster's idle cost: `__idle__` or `<cluster>/__idle__`. */
export function isIdleAllocation(name: string): boolean {
  return lastSegment(name) === IDLE;
}

/**
 * Whether an allocation name is one of OpenCost's own (`__unallocated__`, `__idle__`,
 * `__unmounted__`, ...) rather than a value of the aggregated property.
 */
export function isSpecialAllocation(name: string): boolean {
  return /^__[a-z]+__$/.test(lastSegment(name)) || name === UNALLOCATED;
}

/**
 * The value of the aggregated property that an allocation name stands for. OpenCost
 * names label aggregations by the label value; older releases prefix it with the
 * sanitized label name (`backstage_io_kubernetes_id=summarizer`).
 */
export function allocationValue(name: string, aggregate: string): string {
  const key = aggregatedLabelKey(aggregate);
  if (key !== undefined) {
    for (const prefix of [`${openCostLabelName(key)}=`, `${key}=`]) {
      if (name.startsWith(prefix)) {
        return name.slice(prefix.length);
      }
    }
  }
  return name;
}
