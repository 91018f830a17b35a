import { CostRecord } from '@tollgate/plugin-finops-common';
import { StoredItem } from '../../costs/store/CostStore';

/** Tokens in units of 10^-6, as quantities are kept. */
export const tokens = (count: number) => BigInt(count) * 1_000_000n;

/** Money in micro-units from decimal text such as "5.25". */
export const usd = (amount: string) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};

/** A token cost record of gpt-4o input on 2026-08-10, with what `overrides` says. */
export function tokenRecord(overrides: Partial<CostRecord> = {}): CostRecord {
  return {
    day: '2026-08-10',
    provider: 'openai',
    service: 'OpenAI API',
    model: 'gpt-4o',
    dimensionKind: 'tokenType',
    dimension: 'input',
    quantity: tokens(1_000_000),
    unit: 'tokens',
    billedCostMicros: 0n,
    currency: 'USD',
    ...overrides,
  };
}

/** The records as a source yields them. */
export async function* items(records: CostRecord[]): AsyncIterable<StoredItem> {
  for (const record of records) {
    yield { type: 'cost', record };
  }
}
