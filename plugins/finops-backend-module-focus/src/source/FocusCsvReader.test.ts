import { Readable } from 'node:stream';
import { FocusCsvReader, FocusCsvRow } from './FocusCsvReader';

async function readAll(
  text: string | Buffer,
): Promise<{ header?: string[]; rows: FocusCsvRow[] }> {
  let header: string[] | undefined;
  const rows: FocusCsvRow[] = [];
  const reader = new FocusCsvReader('test.csv');
  for await (const batch of reader.read(Readable.from([text]), names => {
    header = names;
  })) {
    rows.push(...batch);
  }
  return { header, rows };
}

describe('FocusCsvReader', () => {
  it('drops a UTF-8 byte-order mark from the first column name', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('BilledCost,BillingCurrency\n1.5,USD\n'),
    ]);
    const { header, rows } = await readAll(bytes);
    expect(header).toEqual(['BilledCost', 'BillingCurrency']);
    expect(rows).toEqual([{ line: 2, values: ['1.5', 'USD'] }]);
  });

  it('reads CRLF line ends and a last line without one', async () => {
    const { header, rows } = await readAll('a,b\r\n1,2\r\n3,4');
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 3, values: ['3', '4'] },
    ]);
  });

  it('reads quoted fields holding JSON with commas and doubled quotes', async () => {
    const { rows } = await readAll(
      'Tags,BilledCost\n"{""team"": ""search"", ""env"": ""prod""}",2\n',
    );
    expect(rows[0].values).toEqual(['{"team": "search", "env": "prod"}', '2']);
    expect(JSON.parse(rows[0].values[0])).toEqual({
      team: 'search',
      env: 'prod',
    });
  });

  it('numbers rows by the line they start on, across line breaks in fields and blank lines', async () => {
    const { rows } = await readAll(
      'a,b\r\n1,"two\r\nlines"\r\n\r\n3,4\n"x\ny\nz",5\n6,7\n',
    );
    expect(rows.map(r => [r.line, r.values[0]])).toEqual([
      [2, '1'],
      [5, '3'],
      [6, 'x\ny\nz'],
      [9, '6'],
    ]);
  });

  it('yields rows with another field count than the header for the caller to judge', async () => {
    const { rows } = await readAll('a,b\n1\n1,2,3\n');
    expect(rows).toEqual([
      { line: 2, values: ['1'] },
      { line: 3, values: ['1', '2', '3'] },
    ]);
  });

  it('rejects an empty file', async () => {
    await expect(readAll('')).rejects.toThrow(
      'FOCUS file test.csv is empty: it has no header row',
    );
    await expect(readAll('\r\n\r\n')).rejects.toThrow(/is empty/);
  });

  it('rejects malformed CSV with an InputError naming the file', async () => {
    await expect(readAll('a,b\n1,"open\n')).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^FOCUS file test.csv is not valid CSV: Quote Not Closed/,
      ),
    });
  });

  it('stops before any row when the header callback throws', async () => {
    const reader = new FocusCsvReader('test.csv');
    const seen: FocusCsvRow[] = [];
    const read = async () => {
      for await (const batch of reader.read(Readable.from(['a\n1\n']), () => {
        throw new Error('bad header');
      })) {
        seen.push(...batch);
      }
    };
    await expect(read()).rejects.toThrow('bad header');
    expect(seen).toEqual([]);
  });

  it('yields rows while the input is still being produced', async () => {
    const total = 200_000;
    let produced = 0;
    const perChunk = 100;
    function* chunks() {
      yield 'BilledCost,Day\n';
      for (let i = 0; i < total; i += perChunk) {
        let chunk = '';
        for (let j = i; j < i + perChunk; j++) {
          chunk += `${j}.5,2024-09-01\n`;
        }
        produced += perChunk;
        yield chunk;
      }
    }
    const reader = new FocusCsvReader('generated.csv');
    let consumed = 0;
    let producedAtFirstRow = 0;
    let maxAhead = 0;
    for await (const batch of reader.read(Readable.from(chunks()), () => {})) {
      for (const row of batch) {
        if (consumed === 0) {
          producedAtFirstRow = produced;
        }
        if (row.values[0] !== `${consumed}.5`) {
          throw new Error(`row ${consumed} read as ${row.values[0]}`);
        }
        consumed += 1;
        maxAhead = Math.max(maxAhead, produced - consumed);
      }
    }
    expect(consumed).toBe(total);
    expect(producedAtFirstRow).toBeLessThan(total / 20);
    expect(maxAhead).toBeLessThan(total / 20);
  });
});
