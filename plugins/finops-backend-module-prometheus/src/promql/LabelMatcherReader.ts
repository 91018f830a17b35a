import { isLegacyLabelName } from './names';

/** One label matcher of a selector, such as `job="summarizer"`. */
export interface LabelMatcher {
  label: string;
  operator: '=' | '!=' | '=~' | '!~';
  /** The string literal as written, quotes included. */
  literal: string;
}

const OPERATORS: LabelMatcher['operator'][] = ['=~', '!~', '!=', '='];
const SIMPLE_ESCAPES = new Set([
  'a',
  'b',
  'f',
  'n',
  'r',
  't',
  'v',
  '\\',
  '"',
  "'",
]);

/** Why a text is not a label-matcher block. */
export class SelectorSyntaxError extends Error {}

/**
 * Reads a PromQL label-matcher block such as `{job="summarizer", env!="dev"}` into its
 * matchers; throws {@link SelectorSyntaxError} at the first thing that does not fit.
 */
export class LabelMatcherReader {
  private position = 0;

  constructor(private readonly text: string) {}

  read(): LabelMatcher[] {
    this.skipSpace();
    this.expect('{');
    const matchers: LabelMatcher[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === '}') {
        break;
      }
      matchers.push(this.readMatcher());
      this.skipSpace();
      if (this.peek() === ',') {
        this.position += 1;
        continue;
      }
      if (this.peek() !== '}') {
        this.fail('expected "," or "}" after a label matcher');
      }
    }
    this.position += 1;
    this.skipSpace();
    if (this.position < this.text.length) {
      this.fail('unexpected text after the closing "}"');
    }
    if (matchers.length === 0) {
      throw new SelectorSyntaxError('it has no label matcher');
    }
    return matchers;
  }

  private readMatcher(): LabelMatcher {
    const label = this.readLabelName();
    if (label === '__name__') {
      this.fail(
        '__name__ may not be matched, the metric names are chosen by the source',
      );
    }
    this.skipSpace();
    const operator = OPERATORS.find(op =>
      this.text.startsWith(op, this.position),
    );
    if (!operator) {
      this.fail(`expected one of ${OPERATORS.join(' ')} after label ${label}`);
    }
    this.position += operator.length;
    this.skipSpace();
    const literal = this.readStringLiteral();
    return { label, operator, literal };
  }

  private readLabelName(): string {
    const c = this.peek();
    if (c === '"' || c === "'" || c === '`') {
      const name = decodeStringLiteral(this.readStringLiteral());
      if (!name) {
        this.fail('expected a non-empty label name');
      }
      return name;
    }
    const match = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(
      this.text.slice(this.position),
    );
    if (!match || !isLegacyLabelName(match[0])) {
      this.fail('expected a label name');
    }
    this.position += match[0].length;
    return match[0];
  }

  private readStringLiteral(): string {
    const start = this.position;
    const quote = this.peek();
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      this.fail('expected a quoted string');
    }
    this.position += 1;
    while (this.position < this.text.length) {
      const c = this.text[this.position];
      if (c === quote) {
        this.position += 1;
        return this.text.slice(start, this.position);
      }
      if (c === '\n' && quote !== '`') {
        this.fail('unterminated string');
      }
      if (c === '\\' && quote !== '`') {
        this.position += this.escapeLength();
        continue;
      }
      this.position += 1;
    }
    return this.fail('unterminated string');
  }

  private escapeLength(): number {
    const rest = this.text.slice(this.position + 1);
    if (SIMPLE_ESCAPES.has(rest[0])) {
      return 2;
    }
    const forms: Array<[RegExp, number]> = [
      [/^x[0-9a-fA-F]{2}/, 4],
      [/^u[0-9a-fA-F]{4}/, 6],
      [/^U[0-9a-fA-F]{8}/, 10],
      [/^[0-7]{3}/, 4],
    ];
    for (const [pattern, length] of forms) {
      if (pattern.test(rest)) {
        return length;
      }
    }
    return this.fail('invalid escape sequence in a string');
  }

  private skipSpace() {
    while (/\s/.test(this.text[this.position] ?? '')) {
      this.position += 1;
    }
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private expect(c: string) {
    if (this.peek() !== c) {
      this.fail(`expected "${c}"`);
    }
    this.position += 1;
  }

  private fail(message: string): never {
    throw new SelectorSyntaxError(
      `${message} at character ${this.position + 1}`,
    );
  }
}

const NAMED_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Decodes a string literal that the reader has already checked. */
function decodeStringLiteral(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith('`')) {
    return body;
  }
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g,
    (_, escape: string) => {
      if (/^[xuU]/.test(escape) && escape.length > 1) {
        return String.fromCodePoint(parseInt(escape.slice(1), 16));
      }
      if (/^[0-7]{3}$/.test(escape)) {
        return String.fromCodePoint(parseInt(escape, 8));
      }
      return NAMED_ESCAPES[escape] ?? escape;
    },
  );
}
