import { stringify } from 'csv-stringify';
import {
  addDays,
  formatMicros,
  formatQuantity,
} from '@tollgate/plugin-finops-common';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { ExportedCostRow } from './store/CostStore';

/** FOCUS columns of the export, then Tollgate's own x_ columns. */
export const FOCUS_EXPORT_COLUMNS = [
  'BilledCost',
  'ListCost',
  'EffectiveCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ProviderName',
  'ServiceName',
  'SkuId',
  'ConsumedQuantity',
  'ConsumedUnit',
  'Tags',
  'x_EntityRef',
  'x_CostCenter',
  'x_Team',
  'x_Dimension',
  'x_DimensionKind',
  'x_SourceId',
];

function toFocusRow(row: ExportedCostRow) {
  const billed = formatMicros(row.billedCostMicros);
  return [
    billed,
    row.listCostMicros === undefined
      ? billed
      : formatMicros(row.listCostMicros),
    row.effectiveCostMicros === undefined
      ? billed
      : formatMicros(row.effectiveCostMicros),
    row.currency,
    `${row.day}T00:00:00Z`,
    `${addDays(row.day, 1)}T00:00:00Z`,
    'Usage',
    row.provider,
    row.service,
    row.model ?? '',
    row.quantity === undefined ? '' : formatQuantity(row.quantity),
    row.unit ?? '',
    JSON.stringify(row.tags ?? {}),
    row.entityRef ?? '',
    row.costCenter ?? '',
    row.team ?? '',
    row.dimension,
    row.dimensionKind,
    row.sourceId,
  ];
}

/**
 * Streams attributed cost records as FOCUS CSV: BilledCost as invoiced, EffectiveCost
 * amortized (the billed cost where a record has no other), ListCost (the billed cost
 * where a record has none).
 */
export async function writeFocusCsv(
  rows: AsyncIterable<ExportedCostRow>,
  out: Writable,
) {
  async function* records() {
    for await (const row of rows) {
      yield toFocusRow(row);
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({ header: true, columns: FOCUS_EXPORT_COLUMNS }),
    out,
  );
}
