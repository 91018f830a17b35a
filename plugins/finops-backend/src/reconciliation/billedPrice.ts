import { divideRounded } from '@tollgate/plugin-finops-common';
import { TableLine } from './FigureTable';

/** What was billed for a line's tokens over the days that have both, and by whom. */
export interface BilledPrice {
  by: 'invoice' | 'vendorCost';
  /** Units of 10^-12 per token, which are micro-units per million tokens. */
  unitPrice: bigint;
  /** The days counted, in order. */
  days: string[];
}

const PRICE_SCALE = 10n ** 12n;

/**
 * The price a line's tokens were billed at: the invoice's money over its tokens on the
 * days it has both; else the vendor's cost API's money over the vendor's usage API's
 * tokens on the days it has both. Undefined without such days.
 */
export function billedPrice(line: TableLine): BilledPrice | undefined {
  const invoice = { cost: 0n, quantity: 0n, days: [] as string[] };
  const vendor = { cost: 0n, quantity: 0n, days: [] as string[] };
  for (const [day, set] of line.days) {
    const billed = set.invoice;
    if (billed?.complete && billed.quantity && billed.quantity > 0n) {
      invoice.cost += billed.cost;
      invoice.quantity += billed.quantity;
      invoice.days.push(day);
    }
    const usage = set.vendorUsage;
    if (set.vendorCost && usage?.complete && usage.quantity) {
      vendor.cost += set.vendorCost.cost;
      vendor.quantity += usage.quantity;
      vendor.days.push(day);
    }
  }
  const [by, sums] = invoice.days.length
    ? (['invoice', invoice] as const)
    : (['vendorCost', vendor] as const);
  if (!sums.days.length || sums.quantity <= 0n || sums.cost < 0n) {
    return undefined;
  }
  return {
    by,
    unitPrice: divideRounded(sums.cost * PRICE_SCALE, sums.quantity),
    days: sums.days,
  };
}
