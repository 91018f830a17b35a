import { CsvRow, CsvRowParser } from './CsvRowParser';

function parseChunks(chunks: string[], maxRowLength = 1000): CsvRow[] {
  const parser = new CsvRowParser(maxRowLength);
  const rows = chunks.flatMap(chunk => parser.push(chunk));
  return [...rows, ...parser.end()];
}

const TRICKY =
  '\ufeffa,b,c\r\n1,"two\r\nlines","with ""quotes"", commas"\n\n"",x,\r\n' +
  '"{""team"": ""search""}",y,"z"\n3,4,5';

const TRICKY_ROWS: CsvRow[] = [
  { line: 1, values: ['a', 'b', 'c'] },
  { line: 2, values: ['1', 'two\r\nlines', 'with "quotes", commas'] },
  { line: 4, values: [''] },
  { line: 5, values: ['', 'x', ''] },
  { line: 6, values: ['{"team": "search"}', 'y', 'z'] },
  { line: 7, values: ['3', '4', '5'] },
];

describe('CsvRowParser', () => {
  it('reads quoted fields, doubled quotes, line breaks in fields, CRLF and a BOM', () => {
    expect(parseChunks([TRICKY])).toEqual(TRICKY_ROWS);
  });

  it('reads the same rows wherever the chunks split the text', () => {
    for (let split = 0; split <= TRICKY.length; split++) {
      expect(
        parseChunks([TRICKY.slice(0, split), TRICKY.slice(split)]),
      ).toEqual(TRICKY_ROWS);
    }
    expect(parseChunks(TRICKY.split(''))).toEqual(TRICKY_ROWS);
  });

  it('ends the last row at the end of the text, with or without a line break', () => {
    expect(parseChunks(['a,b\n1,2\n'])).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', '2'] },
    ]);
    expect(parseChunks(['a,"b"\r\n1,"2"\r\n'])).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', '2'] },
    ]);
    expect(parseChunks(['a,"b"'])).toEqual([{ line: 1, values: ['a', 'b'] }]);
    expect(parseChunks([''])).toEqual([]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseChunks(['a,b\n1,"open\nstill open'])).toThrow(
      'Quote Not Closed: the quoted field starting on line 2 is not closed at the end of the file',
    );
  });

  it('rejects text after a closing quote and quotes inside unquoted fields', () => {
    expect(() => parseChunks(['a,b\n"x"y,2\n'])).toThrow(
      'Invalid Closing Quote: line 2 has "y" after the closing quote of field 1',
    );
    expect(() => parseChunks(['a,b\n1,x"y\n'])).toThrow(
      'Invalid Opening Quote: line 2 has a quote inside unquoted field 2',
    );
  });

  it('rejects a row longer than the limit without waiting for its end', () => {
    const parser = new CsvRowParser(10);
    expect(parser.push('a,b\n')).toEqual([{ line: 1, values: ['a', 'b'] }]);
    expect(() => parser.push('"0123456789abc')).toThrow(
      'Row Too Long: the row on line 2 is longer than 10 characters',
    );
  });

  it('answers one string for every row repeating a field with doubled quotes, and counts its lines each time', () => {
    const field = '"{""a"": ""x\ny""}"';
    const rows = parseChunks([`a,b\n${field},1\n${field},2\n3,4\n`]);
    expect(rows).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['{"a": "x\ny"}', '1'] },
      { line: 4, values: ['{"a": "x\ny"}', '2'] },
      { line: 6, values: ['3', '4'] },
    ]);
    expect(rows[1].values[0]).toBe(rows[2].values[0]);
  });
});
