import { CostAggregate } from './CostStore';

/** Orders money from most to least. */
export function compareBigDesc(a: bigint, b: bigint) {
  if (a === b) {
    return 0;
  }
  return a > b ? -1 : 1;
}

/** One key's spend and quantity in one unit (none when the records have no unit). */
export interface UnitAggregate {
  key: string;
  unit?: string;
  costMicros: bigint;
  quantity?: bigint;
}

/**
 * Folds rows of (key, unit) into one aggregate per key, most spend first and then by
 * key; a key whose records have mixed units keeps no quantity.
 */
export function mergeUnits(rows: Iterable<UnitAggregate>): CostAggregate[] {
  const byKey = new Map<string, CostAggregate & { units: Set<string> }>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? {
      key: row.key,
      costMicros: 0n,
      quantity: 0n,
      units: new Set<string>(),
    };
    entry.costMicros += row.costMicros;
    if (row.unit) {
      entry.units.add(row.unit);
      entry.quantity = (entry.quantity ?? 0n) + (row.quantity ?? 0n);
    }
    byKey.set(row.key, entry);
  }
  return [...byKey.values()]
    .map(({ units, ...entry }) =>
      units.size === 1
        ? { ...entry, unit: [...units][0] }
        : { key: entry.key, costMicros: entry.costMicros },
    )
    .sort(
      (a, b) =>
        compareBigDesc(a.costMicros, b.costMicros) ||
        (a.key < b.key ? -1 : Number(a.key > b.key)),
    );
}
