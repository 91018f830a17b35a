import { InputError } from '@backstage/errors';

/**
 * The ids of one kind of source's configured entries, gathered as the entries are
 * read: each entry needs an id of its own.
 *
 * @public
 */
export class SourceIdSet {
  private readonly ids = new Set<string>();

  /**
   * Adds an entry's id. Throws an InputError worded by `describeRepeat` when an
   * earlier entry has the same id.
   */
  add(id: string, describeRepeat: () => string): void {
    if (this.ids.has(id)) {
      throw new InputError(describeRepeat());
    }
    this.ids.add(id);
  }

  /** The ids added so far, in the order they were added. */
  values(): string[] {
    return [...this.ids];
  }
}
