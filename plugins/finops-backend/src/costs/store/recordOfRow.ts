import { CostDimensionKind, CostRecord } from '@tollgate/plugin-finops-common';
import { toBigInt, toOptionalBigInt } from '../../database/toBigInt';

/** A stored cost record as the record it was written from. */
export function recordOfRow(row: Record<string, any>): CostRecord {
  return {
    day: row.day,
    entityRef: row.entity_ref ?? undefined,
    costCenter: row.cost_center ?? undefined,
    team: row.team ?? undefined,
    provider: row.provider,
    service: row.service,
    model: row.model ?? undefined,
    dimensionKind: row.dimension_kind as CostDimensionKind,
    dimension: row.dimension,
    quantity: toOptionalBigInt(row.quantity),
    unit: row.unit ?? undefined,
    billedCostMicros: toBigInt(row.billed_cost),
    listCostMicros: toOptionalBigInt(row.list_cost),
    effectiveCostMicros: toOptionalBigInt(row.effective_cost),
    currency: row.currency,
    tags: row.tags ? JSON.parse(row.tags) : undefined,
  };
}
