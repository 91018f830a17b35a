import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { FocusAttribution } from '../source/FocusAttribution';
import { FocusHeader } from '../source/FocusHeader';
import { FocusRowMapper, FocusRowResult } from '../source/FocusRowMapper';

/** A row's result, with the one record of a row that falls on one day unwrapped. */
export type OneDayResult =
  | Exclude<FocusRowResult, { type: 'records' }>
  | { type: 'record'; record: CostRecord; effectiveCostMicros?: bigint };

function oneDay(result: FocusRowResult): OneDayResult {
  if (result.type !== 'records') {
    return result;
  }
  if (result.records.length !== 1) {
    throw new Error(`expected one record, got ${result.records.length}`);
  }
  return { type: 'record', ...result.records[0] };
}

/** The columns of the rows the mapper reads, unless a test names others. */
export const ROW_COLUMNS = [
  'BilledCost',
  'ListCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargeCategory',
  'ChargeDescription',
  'ConsumedQuantity',
  'ConsumedUnit',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'ServiceName',
  'SkuId',
  'SkuPriceDetails',
  'Tags',
];

/** A row by column; a column it leaves out holds what BASE_ROW says, else nothing. */
export type Row = Partial<Record<string, string>>;

/** A usage row of one day, 2024-09-02. */
export const BASE_ROW: Row = {
  BilledCost: '1.25',
  ListCost: '1.50',
  BillingCurrency: 'USD',
  ChargePeriodStart: '2024-09-02T00:00:00Z',
  ChargeCategory: 'Usage',
  ChargeDescription: 'Requests',
  ProviderName: 'Amazon Web Services',
  ServiceName: 'Amazon Bedrock',
  SkuId: 'SKU-1',
};

/**
 * A FocusRowMapper over a file of the given columns, reading the window 2024-09-01 to
 * 2024-09-03 (unless told another) and attributing rows by the tags `cost-center`
 * and `team`. `map` answers the one record of a row that falls on one day; `mapAll`
 * answers the mapper's result as it is.
 */
export async function focusRowMapper(
  options: { currency?: string; columns?: string[]; window?: DayWindow } = {},
): Promise<{
  map(row: Row): OneDayResult;
  mapAll(row: Row): FocusRowResult;
}> {
  const columns = options.columns ?? ROW_COLUMNS;
  const attribution = await FocusAttribution.create(
    { costCenterTagKey: 'cost-center', teamTagKey: 'team' },
    async () => [],
  );
  const instance = new FocusRowMapper({
    header: FocusHeader.parse('test.csv', columns),
    window: options.window ?? { from: '2024-09-01', to: '2024-09-03' },
    attribution,
    currency: options.currency,
  });
  const mapAll = (row: Row) =>
    instance.map({
      line: 2,
      values: columns.map(c => ({ ...BASE_ROW, ...row }[c] ?? '')),
    });
  return { mapAll, map: row => oneDay(mapAll(row)) };
}
