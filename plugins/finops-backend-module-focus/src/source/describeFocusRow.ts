import { CostRecord, TokenType } from '@tollgate/plugin-finops-common';
import { FocusSkuPriceDetails } from './FocusSkuPriceDetails';

/** What the SkuPriceDetails column says about the price. */
export interface FocusPriceDetails {
  model?: string;
  tokenType?: TokenType;
  operation?: string;
}

/** What a row's SkuPriceDetails say, or what is wrong with them. */
export function parseFocusPriceDetails(
  value: string,
): FocusPriceDetails | { error: string } {
  const details = FocusSkuPriceDetails.parse(value);
  if (!(details instanceof FocusSkuPriceDetails)) {
    return { error: `SkuPriceDetails ${details.error}` };
  }
  return {
    model: details.model,
    tokenType: details.tokenType,
    operation: details.operation,
  };
}

/** The fields of a cost record that say what was charged, not when or how much. */
export type FocusRowDescription = Pick<
  CostRecord,
  'service' | 'model' | 'dimensionKind' | 'dimension' | 'unit'
>;

/** Units that count calls of an API operation, as exports write them. */
const CALL_UNITS = /^(api )?(requests?|calls?|transactions?)$/i;

/**
 * What a row charges for: its service; its model and token type when its
 * SkuPriceDetails describe tokens; its API operation when they name one and no
 * token direction (calls, with no model); otherwise a plain usage line named by its
 * description or SKU. `get` reads a column of the row (empty when absent or NULL);
 * `unitColumn` is the column of the row's quantity's unit.
 */
export function describeFocusRow(
  get: (column: string) => string,
  details: FocusPriceDetails | undefined,
  modelColumn: string | undefined,
  unitColumn: string,
): FocusRowDescription {
  const skuId = get('SkuId');
  const tokenType = details?.tokenType;
  // A price of an API operation (and not of tokens) is for calls, not for a model.
  const operation = tokenType ? undefined : details?.operation;
  const model = operation
    ? undefined
    : details?.model || (modelColumn && get(modelColumn)) || skuId || undefined;
  let dimensionKind: FocusRowDescription['dimensionKind'] = 'usage';
  if (tokenType) {
    dimensionKind = 'tokenType';
  } else if (operation) {
    dimensionKind = 'operation';
  }
  const fileUnit = get(unitColumn);
  const unit =
    operation && (!fileUnit || CALL_UNITS.test(fileUnit)) ? 'calls' : fileUnit;
  return {
    service: get('ServiceName') || get('ServiceCategory') || 'unknown',
    ...(model ? { model } : {}),
    dimensionKind,
    dimension:
      tokenType ||
      operation ||
      get('ChargeDescription') ||
      skuId ||
      get('SkuMeter') ||
      get('ChargeCategory') ||
      'usage',
    ...(unit ? { unit } : {}),
  };
}
