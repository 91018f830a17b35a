import { CostRecord, formatMicros } from '@tollgate/plugin-finops-common';

/**
 * The money of some records, totalled per currency (`12.50 USD, 3.00 EUR`), or
 * `no money` when they carry none: for a source's log lines.
 *
 * @public
 */
export function describeMoney(records: readonly CostRecord[]): string {
  const totals = new Map<string, bigint>();
  for (const r of records) {
    totals.set(r.currency, (totals.get(r.currency) ?? 0n) + r.billedCostMicros);
  }
  return (
    [...totals].map(([c, m]) => `${formatMicros(m)} ${c}`).join(', ') ||
    'no money'
  );
}
