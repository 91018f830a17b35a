import { InputError } from '@backstage/errors';
import { CsvError, parse } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';

/** One data row of a CSV file. */
export interface FocusCsvRow {
  /** The 1-based line the row starts on; the header is line 1. */
  line: number;
  values: string[];
}

/** Bounds the memory one malformed row (such as an unclosed quote) can take. */
const MAX_RECORD_SIZE = 4 * 1024 * 1024;

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(values: string[]): number {
  let count = 0;
  for (const value of values) {
    if (value.includes('\n') || value.includes('\r')) {
      count += value.match(LINE_BREAK)?.length ?? 0;
    }
  }
  return count;
}

function isEmptyLine(values: string[]): boolean {
  return values.length === 1 && values[0] === '';
}

/**
 * Streams the rows of a CSV file: a UTF-8 byte-order mark is dropped, fields may be
 * quoted (and then hold commas, quotes and line breaks), lines end with LF or CRLF,
 * and blank lines are passed over. Rows are yielded as they are parsed; the file is
 * never held in memory.
 */
export class FocusCsvReader {
  constructor(
    /** How errors name the file. */
    private readonly name: string,
  ) {}

  /**
   * Yields the data rows of the input. `onHeader` receives the header row before any
   * data row and may throw to stop reading.
   */
  async *read(
    input: Readable,
    onHeader: (header: string[]) => void,
  ): AsyncGenerator<FocusCsvRow> {
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n'],
      max_record_size: MAX_RECORD_SIZE,
    });
    pipeline(input, parser, () => {});
    let line = 0;
    let header: string[] | undefined;
    try {
      for await (const values of parser as AsyncIterable<string[]>) {
        const start = line + 1;
        line += 1 + lineBreaks(values);
        if (isEmptyLine(values)) {
          continue;
        }
        if (!header) {
          header = values;
          onHeader(header);
          continue;
        }
        yield { line: start, values };
      }
    } catch (error) {
      if (error instanceof CsvError) {
        throw new InputError(
          `FOCUS file ${this.name} is not valid CSV: ${error.message}`,
        );
      }
      throw error;
    } finally {
      parser.destroy();
      input.destroy();
    }
    if (!header) {
      throw new InputError(
        `FOCUS file ${this.name} is empty: it has no header row`,
      );
    }
  }
}
