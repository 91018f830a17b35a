import { InputError } from '@backstage/errors';
import { isAscii } from 'node:buffer';
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
 * The rows of a FOCUS CSV file as its bytes arrive: UTF-8 (a byte-order mark
 * dropped), fields possibly quoted, blank lines passed over. The header row goes to
 * `onHeader`, which may throw to stop reading; each chunk answers the data rows it
 * completes. CSV that cannot be read is an InputError naming the file.
 */
export class FocusCsvParser {
  private readonly parser = new CsvRowParser(MAX_ROW_LENGTH);
  private readonly decoder = new StringDecoder('utf8');
  private header: string[] | undefined;
  /** Whether every byte so far was ASCII, which reads as Latin-1 with no decoding. */
  private ascii = true;

  constructor(
    /** How errors name the file. */
    private readonly name: string,
    private readonly onHeader: (header: string[]) => void,
  ) {}

  /** The data rows the chunk completes. */
  push(chunk: Uint8Array | string): FocusCsvRow[] {
    return this.dataRows(() => this.parser.push(this.text(chunk)));
  }

  /** The data rows left at the end of the file; throws when it had no header. */
  end(): FocusCsvRow[] {
    const rows = this.dataRows(() => this.parser.end(this.decoder.end()));
    if (!this.header) {
      throw new InputError(
        `FOCUS file ${this.name} is empty: it has no header row`,
      );
    }
    return rows;
  }

  private text(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') {
      return chunk;
    }
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.ascii &&= isAscii(bytes);
    return this.ascii ? bytes.toString('latin1') : this.decoder.write(bytes);
  }

  private dataRows(parse: () => CsvRow[]): FocusCsvRow[] {
    let rows: CsvRow[];
    try {
      rows = parse();
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw new InputError(
          `FOCUS file ${this.name} is not valid CSV: ${error.message}`,
        );
      }
      throw error;
    }
    const data: FocusCsvRow[] = [];
    for (const row of rows) {
      if (isEmptyLine(row.values)) {
        continue;
      }
      if (!this.header) {
        this.header = row.values;
        this.onHeader(this.header);
        continue;
      }
      data.push(row);
    }
    return data;
  }
}
