import { Readable } from 'node:stream';
import { FocusCsvParser, FocusCsvRow } from './FocusCsvParser';

export type { FocusCsvRow } from './FocusCsvParser';

/**
 * Streams the rows of a CSV file: a UTF-8 byte-order mark is dropped, fields may be
 * quoted (and then hold commas, quotes and line breaks), lines end with LF or CRLF,
 * and blank lines are passed over. Rows are yielded in batches, as each chunk of the
 * input completes them; the file is never held in memory.
 */
export class FocusCsvReader {
  constructor(
    /** How errors name the file. */
    private readonly name: string,
  ) {}

  /**
   * Yields the data rows of the input, a chunk's worth at a time. `onHeader` receives
   * the header row before any data row and may throw to stop reading.
   */
  async *read(
    input: Readable,
    onHeader: (header: string[]) => void,
  ): AsyncGenerator<FocusCsvRow[]> {
    const parser = new FocusCsvParser(this.name, onHeader);
    try {
      for await (const chunk of input) {
        const rows = parser.push(chunk);
        if (rows.length > 0) {
          yield rows;
        }
      }
      const rows = parser.end();
      if (rows.length > 0) {
        yield rows;
      }
    } finally {
      input.destroy();
    }
  }
}
