/** One row of CSV text. */
export interface CsvRow {
  /** The 1-based line the row starts on. */
  line: number;
  values: string[];
}

/** CSV text that cannot be read; the message says where and why. */
export class CsvSyntaxError extends Error {
  name = 'CsvSyntaxError';
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const BOM = '\ufeff';
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Distinct quoted fields with doubled quotes whose unescaped text is remembered: bounds
 * memory on files whose every such field differs.
 */
const MAX_UNESCAPED = 10_000;

/** A quoted field's text, its quotes removed and doubled ones undone. */
interface QuotedValue {
  value: string;
  lineBreaks: number;
}

/** A row parsed from the text, or undefined when the text ends before the row does. */
type Parsed = { values: string[]; end: number; lineBreaks: number } | undefined;

function lineBreaksIn(value: string): number {
  if (value.indexOf('\n') === -1 && value.indexOf('\r') === -1) {
    return 0;
  }
  return value.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Splits CSV text into rows as it arrives in chunks (RFC 4180 as spreadsheets and
 * billing exports write it): fields separated by commas, rows by LF or CRLF; a field
 * may be quoted and then hold commas, line breaks and doubled quotes; a leading
 * byte-order mark is dropped. Only the unfinished last row of a chunk is kept between
 * chunks, and a row may take at most `maxRowLength` characters.
 *
 * Errors are CsvSyntaxError: a quote inside an unquoted field, text after a closing
 * quote, a quoted field still open at the end, or a row longer than the limit.
 */
export class CsvRowParser {
  private pending = '';
  private line = 1;
  private started = false;
  /**
   * Unescaped fields by their text as written. Exports repeat a few JSON columns (Tags,
   * SkuPriceDetails) over millions of rows: each is unescaped once, and every row then
   * holds the same string, whose hash the maps that parse it keep.
   */
  private readonly unescaped = new Map<string, QuotedValue>();

  constructor(private readonly maxRowLength: number) {}

  /** The rows the chunk completes. */
  push(chunk: string): CsvRow[] {
    return this.parse(chunk, false);
  }

  /** The rows left when the text has ended. */
  end(chunk = ''): CsvRow[] {
    return this.parse(chunk, true);
  }

  private parse(chunk: string, eof: boolean): CsvRow[] {
    let text = this.pending + chunk;
    if (!this.started && (text.length > 0 || eof)) {
      if (text.length < BOM.length && !eof) {
        this.pending = text;
        return [];
      }
      this.started = true;
      if (text.startsWith(BOM)) {
        text = text.slice(BOM.length);
      }
    }
    const rows: CsvRow[] = [];
    let pos = 0;
    while (pos < text.length) {
      const parsed = this.row(text, pos, eof);
      if (!parsed) {
        break;
      }
      rows.push({ line: this.line, values: parsed.values });
      this.line += 1 + parsed.lineBreaks;
      pos = parsed.end;
    }
    this.pending = text.slice(pos);
    if (this.pending.length > this.maxRowLength) {
      throw new CsvSyntaxError(
        `Row Too Long: the row on line ${this.line} is longer than ${this.maxRowLength} characters`,
      );
    }
    return rows;
  }

  private row(text: string, start: number, eof: boolean): Parsed {
    const values: string[] = [];
    let lineBreaks = 0;
    let pos = start;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const quoted = this.quoted(text, pos, eof, this.line + lineBreaks);
        if (!quoted) {
          return undefined;
        }
        values.push(quoted.value);
        lineBreaks += quoted.lineBreaks;
        pos = quoted.end;
        if (pos >= text.length) {
          return eof ? { values, end: pos, lineBreaks } : undefined;
        }
        const next = text.charCodeAt(pos);
        if (next === COMMA) {
          pos += 1;
          continue;
        }
        if (next === LF) {
          return { values, end: pos + 1, lineBreaks };
        }
        if (next === CR) {
          if (pos + 1 >= text.length && !eof) {
            return undefined;
          }
          if (text.charCodeAt(pos + 1) === LF || pos + 1 >= text.length) {
            return { values, end: Math.min(pos + 2, text.length), lineBreaks };
          }
        }
        throw new CsvSyntaxError(
          `Invalid Closing Quote: line ${
            this.line + lineBreaks
          } has ${JSON.stringify(text[pos])} after the closing quote of field ${
            values.length
          }`,
        );
      }
      let end = pos;
      let code = 0;
      while (end < text.length) {
        code = text.charCodeAt(end);
        if (code === COMMA || code === LF) {
          break;
        }
        if (code === QUOTE) {
          throw new CsvSyntaxError(
            `Invalid Opening Quote: line ${
              this.line + lineBreaks
            } has a quote inside unquoted field ${values.length + 1}`,
          );
        }
        end += 1;
      }
      if (end >= text.length && !eof) {
        return undefined;
      }
      if (end < text.length && code === COMMA) {
        values.push(text.slice(pos, end));
        pos = end + 1;
        continue;
      }
      const last = end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
      values.push(text.slice(pos, last));
      return { values, end: Math.min(end + 1, text.length), lineBreaks };
    }
  }

  /** A quoted field starting at `start`, its quotes removed and doubled ones undone. */
  private quoted(
    text: string,
    start: number,
    eof: boolean,
    line: number,
  ): (QuotedValue & { end: number }) | undefined {
    let from = start + 1;
    let doubled = false;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) {
        if (!eof) {
          return undefined;
        }
        throw new CsvSyntaxError(
          `Quote Not Closed: the quoted field starting on line ${line} is not closed at the end of the file`,
        );
      }
      if (quote + 1 >= text.length && !eof) {
        return undefined;
      }
      if (text.charCodeAt(quote + 1) === QUOTE) {
        doubled = true;
        from = quote + 2;
        continue;
      }
      const value = text.slice(start + 1, quote);
      if (doubled) {
        return { ...this.unescape(value), end: quote + 1 };
      }
      return { value, lineBreaks: lineBreaksIn(value), end: quote + 1 };
    }
  }

  /** A quoted field's text with its doubled quotes undone. */
  private unescape(written: string): QuotedValue {
    let quoted = this.unescaped.get(written);
    if (!quoted) {
      const value = written.replaceAll('""', '"');
      quoted = { value, lineBreaks: lineBreaksIn(value) };
      if (this.unescaped.size < MAX_UNESCAPED) {
        this.unescaped.set(written, quoted);
      }
    }
    return quoted;
  }
}
