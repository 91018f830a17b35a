import { DemoInvoiceLine } from './demoInvoiceLines';
import { microsToNanos } from './exactDecimal';

/**
 * What the vendor's cost API bills for a line, in nano-dollars: the invoice's money.
 * The demo's drift is planted in its price book instead (app-config.yaml), where
 * reconciliation finds it against what the vendor billed.
 */
export function vendorBilledNanos(line: DemoInvoiceLine): bigint {
  return microsToNanos(line.billedMicros);
}
