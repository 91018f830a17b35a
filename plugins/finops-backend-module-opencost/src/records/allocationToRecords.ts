import { CostRecord } from '@tollgate/plugin-finops-common';
import {
  AllocationNumberField,
  OpenCostAllocation,
} from '../client/OpenCostAllocation';
import { bytesToGiB, numberToMicros, numberToQuantity } from './exactNumbers';

/** The Kubernetes resources an allocation's cost is split into. @public */
export type OpenCostResource =
  | 'cpu'
  | 'ram'
  | 'gpu'
  | 'pv'
  | 'network'
  | 'loadBalancer'
  | 'shared'
  | 'external'
  | 'other';

interface ResourceSpec {
  resource: OpenCostResource;
  costs: AllocationNumberField[];
  quantity?: { field: AllocationNumberField; unit: string; bytes?: boolean };
}

/** Each resource's cost is its cost plus its adjustment, as in OpenCost's totalCost. */
const RESOURCES: ResourceSpec[] = [
  {
    resource: 'cpu',
    costs: ['cpuCost', 'cpuCostAdjustment'],
    quantity: { field: 'cpuCoreHours', unit: 'core-hours' },
  },
  {
    resource: 'ram',
    costs: ['ramCost', 'ramCostAdjustment'],
    quantity: { field: 'ramByteHours', unit: 'GiB-hours', bytes: true },
  },
  {
    resource: 'gpu',
    costs: ['gpuCost', 'gpuCostAdjustment'],
    quantity: { field: 'gpuHours', unit: 'gpu-hours' },
  },
  {
    resource: 'pv',
    costs: ['pvCost', 'pvCostAdjustment'],
    quantity: { field: 'pvByteHours', unit: 'GiB-hours', bytes: true },
  },
  {
    resource: 'network',
    costs: ['networkCost', 'networkCostAdjustment'],
    quantity: { field: 'networkTransferBytes', unit: 'GiB', bytes: true },
  },
  {
    resource: 'loadBalancer',
    costs: ['loadBalancerCost', 'loadBalancerCostAdjustment'],
  },
  { resource: 'shared', costs: ['sharedCost'] },
  { resource: 'external', costs: ['externalCost'] },
];

/** Where the records of one allocation go. */
export interface AllocationRecordTarget {
  day: string;
  /** Undefined keeps the spend unallocated. */
  entityRef?: string;
  /** The cluster name for service and tags, else the allocation's own. */
  cluster?: string;
  currency: string;
}

/** The records of one allocation and how far its parts were from its totalCost. */
export interface AllocationRecords {
  records: CostRecord[];
  /** totalCost minus the sum of the resource costs, in micro-units; recorded as `other`. */
  differenceMicros: bigint;
}

/**
 * Splits one allocation into a cost record per Kubernetes resource. Each amount is
 * read exactly from the number OpenCost wrote. Where the resources do not add up to
 * totalCost (OpenCost rounds each figure on its own), the difference becomes an
 * `other` record, so the records always add up to totalCost exactly. Resources with
 * neither cost nor quantity are left out.
 */
export function allocationToRecords(
  allocation: OpenCostAllocation,
  target: AllocationRecordTarget,
): AllocationRecords {
  const { values } = allocation;
  const cluster = target.cluster ?? allocation.cluster;
  const tags: Record<string, string> = {
    'opencost.allocation': allocation.name,
    ...(cluster ? { 'kubernetes.cluster': cluster } : {}),
  };
  const base = {
    day: target.day,
    ...(target.entityRef ? { entityRef: target.entityRef } : {}),
    provider: 'kubernetes',
    service: cluster ?? 'kubernetes',
    dimensionKind: 'resource' as const,
    currency: target.currency,
  };

  const records: CostRecord[] = [];
  let partsMicros = 0n;
  for (const spec of RESOURCES) {
    let cost = 0n;
    for (const field of spec.costs) {
      const value = values[field];
      if (value !== undefined) {
        cost += numberToMicros(value);
      }
    }
    partsMicros += cost;
    const rawQuantity = spec.quantity ? values[spec.quantity.field] : undefined;
    let quantity: bigint | undefined;
    if (spec.quantity && rawQuantity !== undefined) {
      const exact = numberToQuantity(rawQuantity);
      quantity = spec.quantity.bytes ? bytesToGiB(exact) : exact;
    }
    if (cost === 0n && !quantity) {
      continue;
    }
    records.push({
      ...base,
      dimension: spec.resource,
      ...(quantity !== undefined && spec.quantity
        ? { quantity, unit: spec.quantity.unit }
        : {}),
      billedCostMicros: cost,
      tags: { ...tags },
    });
  }

  const total =
    values.totalCost === undefined
      ? partsMicros
      : numberToMicros(values.totalCost);
  const differenceMicros = total - partsMicros;
  if (differenceMicros !== 0n) {
    records.push({
      ...base,
      dimension: 'other',
      billedCostMicros: differenceMicros,
      tags: { ...tags, 'opencost.difference': 'totalCost' },
    });
  }
  return { records, differenceMicros };
}
