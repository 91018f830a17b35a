/** Numeric fields of an OpenCost allocation that the source reads. @public */
export const ALLOCATION_NUMBER_FIELDS = [
  'cpuCost',
  'cpuCostAdjustment',
  'cpuCoreHours',
  'ramCost',
  'ramCostAdjustment',
  'ramByteHours',
  'gpuCost',
  'gpuCostAdjustment',
  'gpuHours',
  'pvCost',
  'pvCostAdjustment',
  'pvByteHours',
  'networkCost',
  'networkCostAdjustment',
  'networkTransferBytes',
  'loadBalancerCost',
  'loadBalancerCostAdjustment',
  'sharedCost',
  'externalCost',
  'totalCost',
] as const;

/** @public */
export type AllocationNumberField = (typeof ALLOCATION_NUMBER_FIELDS)[number];

/**
 * One allocation of an OpenCost answer, checked: numbers are finite, and fields that
 * were absent or null (OpenCost writes NaN as null) are left out.
 *
 * @public
 */
export interface OpenCostAllocation {
  /** The allocation's key in its set: the aggregated value, `__unallocated__`, `__idle__`. */
  name: string;
  cluster?: string;
  /** The Kubernetes namespace, where all the aggregated workloads share one. */
  namespace?: string;
  /** The controller's name and kind (`deployment`, `statefulset`, ...), where shared. */
  controller?: string;
  controllerKind?: string;
  /** The pod, where the allocation is one pod's. */
  pod?: string;
  /** Labels common to the aggregated workloads, under OpenCost's sanitized names. */
  labels: Record<string, string>;
  values: Partial<Record<AllocationNumberField, number>>;
}
