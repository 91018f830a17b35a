import { InputError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvRow, CsvRowParser, CsvSyntaxError } from './CsvRowParser';

/** One data row of a CSV file; the header is line 1. */
export type FocusCsvRow = CsvRow;

/** Bounds the memory one malformed row (such as an unclosed quote) can take. */
const MAX_ROW_LENGTH = 4 * 1024 * 1024;

function isEmptyLine(values: string[]): boolean {
  return values.length === 1 && values[0] === '';
}

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
    const parser = new CsvRowParser(MAX_ROW_LENGTH);
    const decoder = new StringDecoder('utf8');
    let header: string[] | undefined;
    const dataRows = (rows: CsvRow[]) => {
      const data: FocusCsvRow[] = [];
      for (const row of rows) {
        if (isEmptyLine(row.values)) {
          continue;
        }
        if (!header) {
          header = row.values;
          onHeader(header);
          continue;
        }
        data.push(row);
      }
      return data;
    };
    try {
      for await (const chunk of input) {
        const rows = dataRows(
          parser.push(
            typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer),
          ),
        );
        if (rows.length > 0) {
          yield rows;
        }
      }
      const rows = dataRows(parser.end(decoder.end()));
      if (rows.length > 0) {
        yield rows;
      }
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw new InputError(
          `FOCUS file ${this.name} is not valid CSV: ${error.message}`,
        );
      }
      throw error;
    } finally {
      input.destroy();
    }
    if (!header) {
      throw new InputError(
        `FOCUS file ${this.name} is empty: it has no header row`,
      );
    }
  }
}
