import { CostRecord, parseMicros } from '@tollgate/plugin-finops-common';
import { parseAllocationResponse } from '../client/parseAllocationResponse';
import { OpenCostAllocation } from '../client/OpenCostAllocation';
import { readFixture } from './fixtures';

export const GIB = 1024n ** 3n;

export function micros(value: number | undefined): bigint {
  return value === undefined ? 0n : parseMicros(value)!;
}

export function byDimension(records: CostRecord[]): Record<string, CostRecord> {
  return Object.fromEntries(records.map(r => [r.dimension, r]));
}

export function sum(records: CostRecord[]): bigint {
  return records.reduce((total, r) => total + r.billedCostMicros, 0n);
}

export function parsedSets(file: string): OpenCostAllocation[][] {
  const parsed = parseAllocationResponse(readFixture(file));
  if (!parsed.ok) {
    throw new Error(`fixture ${file} did not parse`);
  }
  return parsed.sets;
}
