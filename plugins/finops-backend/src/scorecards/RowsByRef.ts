/**
 * The rows one query returned for many entities, indexed by entity ref. Each entity's
 * rows are read back in the query's order; the rows of several refs together are
 * merged by `compare` of their positions.
 */
export class RowsByRef<T extends { entityRef: string }> {
  /** Per ref, the [start, end) positions of each of its runs of rows. */
  private readonly runs = new Map<string, number[]>();

  constructor(readonly rows: T[]) {
    let start = 0;
    for (let end = 1; end <= rows.length; end++) {
      if (
        end === rows.length ||
        rows[end].entityRef !== rows[start].entityRef
      ) {
        const ref = rows[start].entityRef;
        const own = this.runs.get(ref);
        if (own) {
          own.push(start, end);
        } else {
          this.runs.set(ref, [start, end]);
        }
        start = end;
      }
    }
  }

  /** The rows of any of the refs, each ref once. */
  of(refs: readonly string[], compare?: (a: number, b: number) => number): T[] {
    const runs = [...new Set(refs)].flatMap(ref => this.runs.get(ref) ?? []);
    if (runs.length === 2) return this.rows.slice(runs[0], runs[1]);
    const positions: number[] = [];
    for (let i = 0; i < runs.length; i += 2) {
      for (let p = runs[i]; p < runs[i + 1]; p++) positions.push(p);
    }
    positions.sort(compare ?? ((a, b) => a - b));
    return positions.map(p => this.rows[p]);
  }
}
