import { CostedEntity } from '../entities/CostedEntity';

/** Entities scored together, and the spend refs of them all. */
export interface EntityBatch<T> {
  items: T[];
  refs: string[];
}

/**
 * Splits entities, in order, into batches of at most `maxRefs` distinct spend refs,
 * which bounds the size of each query and the data held in memory at once; an entity
 * with more spend refs than that is a batch of its own.
 */
export function batchBySpendRefs<T extends { budgeted: CostedEntity }>(
  items: T[],
  maxRefs: number,
): Array<EntityBatch<T>> {
  const batches: Array<EntityBatch<T>> = [];
  let current: T[] = [];
  let refs = new Set<string>();
  for (const item of items) {
    const added = new Set<string>();
    for (const ref of item.budgeted.spendRefs) {
      if (!refs.has(ref)) added.add(ref);
    }
    if (current.length > 0 && refs.size + added.size > maxRefs) {
      batches.push({ items: current, refs: [...refs] });
      current = [];
      refs = new Set();
    }
    current.push(item);
    for (const ref of item.budgeted.spendRefs) refs.add(ref);
  }
  if (current.length > 0) batches.push({ items: current, refs: [...refs] });
  return batches;
}
