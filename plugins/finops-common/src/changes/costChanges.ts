import { formatMicros, parseMicros } from '../money';

/** One key's cost in a period and in the period before it, as decimal text. @public */
export interface CostInTwoPeriods {
  key: string;
  cost: string;
  previousCost: string;
}

/** A key's cost in two periods and the change between them, as decimal text. @public */
export interface CostChange extends CostInTwoPeriods {
  change: string;
}

function micros(text: string, key: string): bigint {
  const value = parseMicros(text);
  if (value === undefined) {
    throw new Error(`Cost ${JSON.stringify(text)} of ${key} is not a decimal`);
  }
  return value;
}

function withChange(item: CostInTwoPeriods) {
  const changeMicros =
    micros(item.cost, item.key) - micros(item.previousCost, item.key);
  return { item, changeMicros };
}

const magnitude = (value: bigint) => (value < 0n ? -value : value);

/**
 * The keys whose cost changed most between the two periods, largest change up or down
 * first (then by key), computed exactly; keys that did not change are left out.
 *
 * @public
 */
export function rankCostChanges(
  items: CostInTwoPeriods[],
  count = 10,
): CostChange[] {
  return items
    .map(withChange)
    .filter(({ changeMicros }) => changeMicros !== 0n)
    .sort((a, b) => {
      const byChange = magnitude(b.changeMicros) - magnitude(a.changeMicros);
      if (byChange !== 0n) {
        return byChange > 0n ? 1 : -1;
      }
      return a.item.key.localeCompare(b.item.key);
    })
    .slice(0, count)
    .map(({ item, changeMicros }) => ({
      ...item,
      change: formatMicros(changeMicros),
    }));
}

/** The keys that cost most in the period, most first (then by key). @public */
export function rankBySpend<T extends { key: string; cost: string }>(
  items: T[],
  count = 10,
): T[] {
  return items
    .map(item => ({ item, cost: micros(item.cost, item.key) }))
    .filter(({ cost }) => cost !== 0n)
    .sort((a, b) => {
      if (a.cost !== b.cost) {
        return b.cost > a.cost ? 1 : -1;
      }
      return a.item.key.localeCompare(b.item.key);
    })
    .slice(0, count)
    .map(({ item }) => item);
}
