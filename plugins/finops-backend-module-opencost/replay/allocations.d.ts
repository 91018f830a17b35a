/** One OpenCost allocation as the API answers it; numbers may be null where OpenCost had NaN. */
export type ReplayAllocation = Record<string, unknown> & {
  name?: string;
  properties?: Record<string, unknown>;
  totalCost?: number | null;
  minutes?: number;
};

/** Allocations of one set, keyed by allocation name. */
export type ReplayAllocationSet = Record<string, ReplayAllocation>;

export declare const COST_PARTS: readonly string[];
export declare const TIME_EXTENSIVE_FIELDS: ReadonlySet<string>;
export declare const RATIO_FIELDS: ReadonlySet<string>;

export interface DemoAllocationsOptions {
  /** The workloads, each named by the value of the aggregated label. */
  ids: string[];
  /** The cluster recorded in each allocation's properties; defaults to `demo-cluster`. */
  cluster?: string;
  /** The namespace of every workload; defaults to `default`. */
  namespace?: string;
  /** The aggregated label; defaults to `backstage.io/kubernetes-id`. */
  labelKey?: string;
  /**
   * The Kubernetes labels each workload carries, by id (label keys as set on the
   * workload; OpenCost reports them sanitized). The aggregated label is always set to
   * the id.
   */
  workloadLabels?: Record<string, Record<string, string>>;
  /** Whether to add `__unallocated__`; defaults to true. */
  unallocated?: boolean;
  /** Whether to add `__idle__`; defaults to true. */
  idle?: boolean;
  /** The recorded response to scale, a file in ../fixtures or an absolute path. */
  fixture?: string;
}

/**
 * Daily allocations for the given workloads, scaled deterministically from recorded
 * ones; per workload when the request's aggregation names `controller`.
 */
export declare function createDemoAllocations(
  options: DemoAllocationsOptions,
): (day: string, request?: { aggregate?: string }) => ReplayAllocationSet;

/** The allocation sets of a recorded response in ../fixtures, as recorded. */
export declare function loadRecordedAllocationSets(
  file?: string,
): Array<ReplayAllocationSet | null>;

export declare function recomputeTotal<T extends ReplayAllocation>(
  allocation: T,
): T;
export declare function round5(value: number): number;
export declare function sanitizeLabelName(name: string): string;
export declare function scaleAllocation<T extends ReplayAllocation>(
  allocation: T,
  factors?: { sizeFactor?: number; timeFactor?: number },
): T;
