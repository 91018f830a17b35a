/**
 * The rows one query returned for many entities, indexed by entity ref, so that the
 * rows of one entity, or of several refs together, are read back in the query's order.
 */
export class RowsByRef<T extends { entityRef: string }> {
  private readonly positions = new Map<string, number[]>();

  constructor(private readonly rows: T[]) {
    rows.forEach((row, position) => {
      const list = this.positions.get(row.entityRef);
      if (list) {
        list.push(position);
      } else {
        this.positions.set(row.entityRef, [position]);
      }
    });
  }

  /** The rows of any of the refs, each once, in the order the query returned them. */
  of(refs: readonly string[]): T[] {
    const distinct = new Set(refs);
    const positions: number[] = [];
    for (const ref of distinct) {
      positions.push(...(this.positions.get(ref) ?? []));
    }
    if (distinct.size > 1) positions.sort((a, b) => a - b);
    return positions.map(position => this.rows[position]);
  }
}
