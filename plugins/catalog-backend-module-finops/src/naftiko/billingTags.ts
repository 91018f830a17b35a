import { InputError } from '@backstage/errors';
import {
  BILLING_GRANULARITIES,
  BillingGranularity,
  OPERATION_BILLINGS,
  OperationBilling,
} from '@tollgate/plugin-finops-common';

export interface SplitTags<T> {
  billing?: T;
  /** The tags that are not billing words. */
  others: string[];
}

function split<T extends string>(
  tags: string[],
  words: readonly T[],
  where: string,
): SplitTags<T> {
  const found = [
    ...new Set(tags.filter(tag => words.includes(tag as T)) as T[]),
  ];
  if (found.length > 1) {
    throw new InputError(
      `${where} has conflicting billing tags ${found.join(
        ', ',
      )}: expected one of ${words.join(', ')}`,
    );
  }
  return {
    billing: found[0],
    others: tags.filter(tag => !words.includes(tag as T)),
  };
}

/** Splits an operation's tags into its billing (chargeable, metered, free) and the rest. */
export function operationBillingTags(
  tags: string[],
  where: string,
): SplitTags<OperationBilling> {
  return split(tags, OPERATION_BILLINGS, where);
}

/** Splits a consumed adapter's tags into its billing granularity and the rest. */
export function granularityTags(
  tags: string[],
  where: string,
): SplitTags<BillingGranularity> {
  return split(tags, BILLING_GRANULARITIES, where);
}
