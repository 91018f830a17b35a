import { CostSourceSchedule } from '@tollgate/plugin-finops-node';

/** Which API a source reads: OpenCost `/allocation` or Kubecost `/model/allocation`. @public */
export type OpenCostFlavor = 'opencost' | 'kubecost';

/** @public */
export const OPENCOST_FLAVORS: readonly OpenCostFlavor[] = [
  'opencost',
  'kubecost',
];

/**
 * What a source does with the cluster's idle cost (`__idle__`): leave it out, keep it
 * as unallocated spend, or let OpenCost share it among the workloads.
 *
 * @public
 */
export type OpenCostIdleMode = 'ignore' | 'unallocated' | 'share';

/** @public */
export const OPENCOST_IDLE_MODES: readonly OpenCostIdleMode[] = [
  'ignore',
  'unallocated',
  'share',
];

/** For how many days up to today workload labels are read unless configured otherwise. @public */
export const DEFAULT_WORKLOAD_LABEL_DAYS = 7;

/** The label OpenCost aggregates by unless configured otherwise. @public */
export const DEFAULT_OPENCOST_AGGREGATE = 'label:backstage.io/kubernetes-id';

/** One entry of `tollgate.sources.opencost`, read and checked. @public */
export interface OpenCostSourceConfig {
  /** Unique among OpenCost sources; the source id is `opencost:<id>`. */
  id: string;
  /** Base URL without a trailing slash. */
  baseUrl: string;
  flavor: OpenCostFlavor;
  /** The OpenCost `aggregate` parameter: one property, or `label:<key>`. */
  aggregate: string;
  idle: OpenCostIdleMode;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** The cluster name recorded on each record; else the allocation's own cluster. */
  cluster?: string;
  /** The currency OpenCost reports in. */
  currency: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  /**
   * For how many days up to today each fetch also reads the labels of every
   * workload (one more request per day), for the label drift check; 0 turns it off.
   */
  workloadLabelDays: number;
  schedule: CostSourceSchedule;
}
