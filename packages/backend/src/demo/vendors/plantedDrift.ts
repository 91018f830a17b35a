import { DemoInvoiceLine } from './demoInvoiceLines';
import { microsToNanos } from './exactDecimal';

/**
 * The price-book drift planted in the demo: the OpenAI Costs API bills gpt-4o cache
 * reads at half the price the demo's price book (and invoice) has for them, 0.625
 * rather than 1.25 USD per million tokens, on every day. Usage is unchanged; only
 * that line item's amount differs, so reconciliation finds the price to fix.
 */
export const PLANTED_DRIFT = {
  provider: 'OpenAI',
  model: 'gpt-4o',
  tokenType: 'cache-read',
} as const;

/** Whether the vendor bills a line differently from the invoice. */
export function isPlantedDrift(line: DemoInvoiceLine): boolean {
  return (
    line.provider === PLANTED_DRIFT.provider &&
    line.model === PLANTED_DRIFT.model &&
    line.tokenType === PLANTED_DRIFT.tokenType
  );
}

/**
 * What the vendor's cost API bills for a line, in nano-dollars: the invoice's money,
 * or exactly half of it where the drift is planted.
 */
export function vendorBilledNanos(line: DemoInvoiceLine): bigint {
  const nanos = microsToNanos(line.billedMicros);
  return isPlantedDrift(line) ? nanos / 2n : nanos;
}
