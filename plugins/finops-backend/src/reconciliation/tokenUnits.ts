const MULTIPLIERS: Record<string, bigint> = {
  '': 1n,
  k: 1_000n,
  thousand: 1_000n,
  m: 1_000_000n,
  million: 1_000_000n,
};

/** `tokens`, `1000000 Tokens`, `1M tokens`, `million tokens`, `1K Tokens`. */
const TOKEN_UNIT = /^(\d{1,12})?\s*(k|thousand|m|million)?\s*tokens?$/i;

/**
 * The tokens (in units of 10^-6, as quantities are kept) of a quantity in a unit, or
 * undefined for a unit that does not count tokens. A quantity without a unit is of
 * tokens: sources write token quantities so.
 */
export function tokensOf(
  quantity: bigint,
  unit: string | null | undefined,
): bigint | undefined {
  const text = unit?.trim() ?? '';
  if (!text) {
    return quantity;
  }
  const match = TOKEN_UNIT.exec(text);
  if (!match) {
    return undefined;
  }
  const count = BigInt(match[1] ?? '1');
  const multiplier = MULTIPLIERS[(match[2] ?? '').toLowerCase()];
  return count === 0n ? undefined : quantity * count * multiplier;
}
