import { UrlReaderService } from '@backstage/backend-plugin-api';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { CostSourceFetchContext } from '@tollgate/plugin-finops-node';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FocusCostSource, FocusCostSourceOptions } from './FocusCostSource';

const FIXTURES = path.resolve(__dirname, '../__fixtures__');
const ALL_DAYS: DayWindow = { from: '2000-01-01', to: '2099-12-31' };

function fetchContext(
  overrides: Partial<CostSourceFetchContext> = {},
): CostSourceFetchContext & {
  logger: ReturnType<typeof mockServices.logger.mock>;
} {
  return {
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
    entities: async () => [],
    priceBook: {
      priceTokens: () => undefined,
      priceRequests: () => undefined,
      priceOperation: () => undefined,
    },
    ...overrides,
  } as CostSourceFetchContext & {
    logger: ReturnType<typeof mockServices.logger.mock>;
  };
}

async function collect(
  options: FocusCostSourceOptions,
  window: DayWindow = ALL_DAYS,
  context = fetchContext(),
): Promise<CostRecord[]> {
  const records: CostRecord[] = [];
  for await (const item of FocusCostSource.create(options).fetch(
    window,
    context,
  )) {
    if (item.type !== 'cost') {
      throw new Error(`unexpected ${item.type} item`);
    }
    records.push(item.record);
  }
  return records;
}

function totalsByDay(records: CostRecord[]): Record<string, bigint> {
  const totals: Record<string, bigint> = {};
  for (const record of records) {
    totals[record.day] = (totals[record.day] ?? 0n) + record.billedCostMicros;
  }
  return totals;
}

/** A CSV field splitter for one line, written for these tests only. */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/** Decimal text to micro-units, for amounts with at most six fraction digits. */
function micros(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  if (fraction.length > 6) {
    throw new Error(`too precise for this test: ${text}`);
  }
  const value = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return negative ? -value : value;
}

function dayOf(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(text)) {
    return text.slice(0, 10);
  }
  const [month, day, year] = text.split('/');
  return `20${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** Bounds of the billed cost of each day, and the exact total, of a file. */
interface ExpectedTotals {
  days: Record<string, { low: bigint; high: bigint }>;
  total: bigint;
}

/** The lower and upper micro-unit of a fraction, for amounts of either sign. */
function bounds(amount: bigint, parts: bigint): [bigint, bigint] {
  const whole = amount / parts;
  if (whole * parts === amount) {
    return [whole, whole];
  }
  return amount < 0n ? [whole - 1n, whole] : [whole, whole + 1n];
}

/**
 * Billed cost per day, computed from the raw text of a fixture (whose charge periods
 * are whole days): a purchase or one-time charge on the day its period starts, any
 * other charge an equal part on each day of its period, to within the rounding of
 * that part.
 */
function expectedTotals(file: string): ExpectedTotals {
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(line => line !== '');
  const header = splitLine(lines[0]);
  const column = (fields: string[], name: string) =>
    fields[header.indexOf(name)];
  const expected: ExpectedTotals = { days: {}, total: 0n };
  for (const line of lines.slice(1)) {
    const fields = splitLine(line);
    const amount = micros(column(fields, 'BilledCost'));
    const first = dayOf(column(fields, 'ChargePeriodStart'));
    const oneTime =
      column(fields, 'ChargeCategory') === 'Purchase' ||
      column(fields, 'ChargeFrequency') === 'One-Time';
    const days = oneTime
      ? 1
      : (Date.parse(dayOf(column(fields, 'ChargePeriodEnd'))) -
          Date.parse(first)) /
        DAY_MS;
    const [low, high] = bounds(amount, BigInt(days));
    for (let i = 0; i < days; i++) {
      const day = new Date(Date.parse(first) + i * DAY_MS)
        .toISOString()
        .slice(0, 10);
      const sum = expected.days[day] ?? { low: 0n, high: 0n };
      expected.days[day] = { low: sum.low + low, high: sum.high + high };
    }
    expected.total += amount;
  }
  return expected;
}

/** Checks the records' billed cost per day and in all against a fixture's raw text. */
function expectTotalsOf(records: CostRecord[], file: string): void {
  const expected = expectedTotals(file);
  const actual = totalsByDay(records);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected.days).sort());
  for (const [day, { low, high }] of Object.entries(expected.days)) {
    expect([day, actual[day] >= low && actual[day] <= high]).toEqual([
      day,
      true,
    ]);
  }
  expect(Object.values(actual).reduce((a, b) => a + b, 0n)).toBe(
    expected.total,
  );
}

const HEADER =
  'BilledCost,ListCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,ChargeDescription,Tags';

describe('FocusCostSource', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  describe.each(fs.readdirSync(FIXTURES).filter(f => f.endsWith('.csv')))(
    'the fixture %s',
    fixture => {
      it('parses with the billed cost of every day matching the raw file', async () => {
        const file = path.join(FIXTURES, fixture);
        const records = await collect({ id: 'fixture', paths: [file] });
        expect(records.length).toBeGreaterThan(0);
        expectTotalsOf(records, file);
      });
    },
  );

  it('reads AI token usage with cache reads and writes, a month-long row a 31st on each day of January', async () => {
    const records = await collect({
      id: 'ai',
      paths: ['ai_*_a.csv'],
      baseDir: FIXTURES,
    });
    expect(records).toHaveLength(4 * 31);
    // each row's parts add up to the row
    const byType = new Map<string, [bigint, bigint]>();
    for (const r of records) {
      const [quantity, billed] = byType.get(r.dimension) ?? [0n, 0n];
      byType.set(r.dimension, [
        quantity + r.quantity!,
        billed + r.billedCostMicros,
      ]);
    }
    expect([...byType]).toEqual([
      ['input', [500_000_000_000n, 1_500_000n]],
      ['cache-write', [2_000_000_000_000n, 7_500_000n]],
      ['cache-read', [8_000_000_000_000n, 2_400_000n]],
      ['output', [1_500_000_000_000n, 22_500_000n]],
    ]);
    expect(new Set(records.map(r => r.dimensionKind))).toEqual(
      new Set(['tokenType']),
    );
    expect(records[0]).toEqual({
      day: '2025-01-01',
      provider: 'solora-ai',
      service: 'Solora Generative AI API',
      model: 'solora-reasoning-pro',
      dimensionKind: 'tokenType',
      dimension: 'input',
      // 500,000 tokens and 1.50 USD over 31 days
      quantity: 16_129_032_258n,
      unit: 'Tokens',
      billedCostMicros: 48_387n,
      listCostMicros: 48_387n,
      currency: 'USD',
    });
    expect(
      records.filter(r => r.dimension === 'input').map(r => r.day),
    ).toEqual(
      Array.from(
        { length: 31 },
        (_, i) => `2025-01-${String(i + 1).padStart(2, '0')}`,
      ),
    );
  });

  it('reads the FOCUS 1.2 file with a byte-order mark, CRLF and US dates', async () => {
    const records = await collect({
      id: 'saas',
      paths: ['virtual_currency_pricing_model_a1.csv'],
      baseDir: FIXTURES,
    });
    expect(records).toEqual([
      {
        day: '2025-04-01',
        provider: 'acmecorp',
        service: 'ACMECORP SERVICE',
        model: '45678',
        dimensionKind: 'usage',
        dimension: 'Token Purchase For Period 1',
        quantity: 100_000_000_000n,
        unit: 'Token',
        billedCostMicros: 200_000_000_000n,
        listCostMicros: 200_000_000_000n,
        // a purchase of tokens, amortized over the usage it covers
        effectiveCostMicros: 0n,
        currency: 'USD',
      },
    ]);
  });

  it('reads every date form and yields only the days of the window', async () => {
    dir.setContent({
      'dates.csv': [
        HEADER,
        '1.000001,,USD,2024-08-31T23:59:59Z,,P,S,a,',
        '2.000002,,USD,2024-09-01T00:00:00Z,,P,S,b,',
        '3.000003,,USD,2024-09-01 12:00:00,,P,S,c,',
        '4.000004,,USD,2024-09-02,,P,S,d,',
        '5.000005,,USD,9/2/24,,P,S,e,',
        '6.000006,,USD,2024-09-03T01:00:00+02:00,,P,S,f,',
        '7.000007,,USD,2024-09-03T00:00:00.000Z,,P,S,g,',
        '8.000008,,USD,2024-09-04 00:00:00 UTC,,P,S,h,',
      ].join('\n'),
    });
    const window = { from: '2024-09-01', to: '2024-09-03' };
    const context = fetchContext();
    const records = await collect(
      { id: 'dates', paths: ['dates.csv'], baseDir: dir.path },
      window,
      context,
    );
    expect(records.map(r => [r.day, r.dimension])).toEqual([
      ['2024-09-01', 'b'],
      ['2024-09-01', 'c'],
      ['2024-09-02', 'd'],
      ['2024-09-02', 'e'],
      ['2024-09-02', 'f'],
      ['2024-09-03', 'g'],
    ]);
    expect(totalsByDay(records)).toEqual({
      '2024-09-01': 5_000_005n,
      '2024-09-02': 15_000_015n,
      '2024-09-03': 7_000_007n,
    });
    expect(context.logger.info).toHaveBeenCalledWith(
      'focus:dates: read 8 rows of 1 exports for 2024-09-01..2024-09-03 and yielded 6 records (2 outside the window, 0 in another currency, 0 invalid rows skipped)',
    );
  });

  it('attributes rows through the entity, cost center and team tags', async () => {
    dir.setContent({
      'tagged.csv': [
        HEADER,
        `1,,USD,2024-09-01,,OpenAI,API,known,"{""backstage-entity"": ""component:default/summarizer"", ""cost-center"": ""cc-1""}"`,
        `2,,USD,2024-09-01,,OpenAI,API,unknown,"{""backstage-entity"": ""component:default/ghost"", ""cost-center"": ""cc-2"", ""team"": ""ml""}"`,
        `3,,USD,2024-09-01,,OpenAI,API,invalid,"{""backstage-entity"": ""not a ref"", ""team"": ""ml""}"`,
        `4,,USD,2024-09-01,,OpenAI,API,center,"{""cost-center"": ""cc-3""}"`,
        `5,,USD,2024-09-01,,OpenAI,API,none,`,
      ].join('\r\n'),
    });
    const context = fetchContext({
      entities: async () => [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'summarizer', namespace: 'default' },
        },
      ],
    });
    const records = await collect(
      {
        id: 'tagged',
        paths: ['tagged.csv'],
        baseDir: dir.path,
        entityTagKey: 'backstage-entity',
        costCenterTagKey: 'cost-center',
        teamTagKey: 'team',
      },
      ALL_DAYS,
      context,
    );
    expect(
      records.map(r => [r.dimension, r.entityRef, r.costCenter, r.team]),
    ).toEqual([
      ['known', 'component:default/summarizer', undefined, undefined],
      ['unknown', undefined, 'cc-2', 'ml'],
      ['invalid', undefined, undefined, 'ml'],
      ['center', undefined, 'cc-3', undefined],
      ['none', undefined, undefined, undefined],
    ]);
    expect(records[0].tags).toEqual({
      'backstage-entity': 'component:default/summarizer',
      'cost-center': 'cc-1',
    });
    expect(context.logger.warn).toHaveBeenCalledWith(
      'focus:tagged: 2 rows name an entity in tag backstage-entity that is invalid or not in the catalog ("component:default/ghost", "not a ref"); they are kept as unallocated',
    );
  });

  it('leaves out rows billed in another currency than the configured one', async () => {
    dir.setContent({
      'mixed.csv': [
        HEADER,
        '1,,USD,2024-09-01,,P,S,a,',
        '2,,EUR,2024-09-01,,P,S,b,',
      ].join('\n'),
    });
    const records = await collect({
      id: 'eur',
      paths: ['mixed.csv'],
      baseDir: dir.path,
      currency: 'EUR',
    });
    expect(records.map(r => [r.currency, r.billedCostMicros])).toEqual([
      ['EUR', 2_000_000n],
    ]);
  });

  describe('with invalid rows', () => {
    const oneDay = { from: '2024-09-01', to: '2024-09-01' };
    const rows = [
      HEADER,
      '1,,USD,2024-09-01,,P,S,ok,',
      'abc,,USD,2024-09-01,,P,S,bad cost,',
      '2,,USD,2024-09-01,,P,S,ok,',
      '3,,,2024-09-01,,P,S,no currency,',
      '4,,USD,someday,,P,S,bad date,',
      '5,,USD,2024-09-01,,P,S,bad tags,"{""team"": }"',
      '6,,USD,2024-09-01,,P,S,short',
      'zzz,,USD,2023-01-01,,P,S,outside the window,',
      '7,,USD,2024-09-01,,P,S,ok,',
    ];

    it('rejects the fetch, naming the file, the lines and the reasons', async () => {
      dir.setContent({ 'bad.csv': rows.join('\n') });
      await expect(
        collect({ id: 'bad', paths: ['bad.csv'], baseDir: dir.path }, oneDay),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          'FOCUS file bad.csv has 5 invalid rows: line 3: BilledCost "abc" is not a decimal number; ' +
          'line 5: BillingCurrency is empty; line 6: ChargePeriodStart "someday" is not a date; ' +
          'line 7: Tags is not valid JSON (Unexpected token \'}\', "{"team": }" is not valid JSON); ' +
          'line 8: has 8 fields where the header has 9',
      });
    });

    it('stops yielding at the first invalid row when rejecting', async () => {
      dir.setContent({ 'bad.csv': rows.join('\n') });
      const yielded: string[] = [];
      const run = async () => {
        for await (const item of FocusCostSource.create({
          id: 'bad',
          paths: ['bad.csv'],
          baseDir: dir.path,
        }).fetch(oneDay, fetchContext())) {
          if (item.type === 'cost') {
            yielded.push(item.record.dimension);
          }
        }
      };
      await expect(run()).rejects.toThrow(/has 5 invalid rows/);
      expect(yielded).toEqual(['ok']);
    });

    it('lists the first ten of many invalid rows', async () => {
      const many = [HEADER];
      for (let i = 0; i < 25; i++) {
        many.push(`x${i},,USD,2024-09-01,,P,S,d,`);
      }
      dir.setContent({ 'many.csv': many.join('\n') });
      const error = await collect({
        id: 'many',
        paths: ['many.csv'],
        baseDir: dir.path,
      }).catch(e => e);
      expect(error.message).toMatch(
        /^FOCUS file many.csv has 25 invalid rows \(the first 10 listed\): line 2: BilledCost "x0"/,
      );
      expect(error.message).toContain('line 11: BilledCost "x9"');
      expect(error.message).not.toContain('line 12:');
    });

    it('skips them and warns with the same detail when told to', async () => {
      dir.setContent({ 'bad.csv': rows.join('\n') });
      const context = fetchContext();
      const records = await collect(
        {
          id: 'bad',
          paths: ['bad.csv'],
          baseDir: dir.path,
          invalidRows: 'skip',
        },
        oneDay,
        context,
      );
      expect(records.map(r => r.billedCostMicros)).toEqual([
        1_000_000n,
        2_000_000n,
        7_000_000n,
      ]);
      expect(context.logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^focus:bad: skipped invalid rows\. FOCUS file bad.csv has 5 invalid rows: line 3: BilledCost "abc" is not a decimal number; line 5: .*line 8: has 8 fields where the header has 9$/,
        ),
      );
    });
  });

  it('fails on a missing required column, naming it', async () => {
    dir.setContent({
      'nocost.csv':
        'ListCost,BillingCurrency,ChargePeriodStart,ProviderName\n1,USD,2024-09-01,P\n',
    });
    await expect(
      collect({ id: 'x', paths: ['nocost.csv'], baseDir: dir.path }),
    ).rejects.toThrow(
      'FOCUS file nocost.csv has no BilledCost column, which is required',
    );
  });

  it('reads every file a pattern matches', async () => {
    dir.setContent({
      'a.csv': `${HEADER}\n1,,USD,2024-09-01,,P,S,a,\n`,
      'b.csv': `${HEADER}\n2,,USD,2024-09-02,,P,S,b,\n`,
      'c.txt': `${HEADER}\n4,,USD,2024-09-02,,P,S,c,\n`,
    });
    const records = await collect({
      id: 'many',
      paths: ['*.csv'],
      baseDir: dir.path,
    });
    expect(records.map(r => r.dimension)).toEqual(['a', 'b']);
  });

  it('fails when a pattern matches nothing', async () => {
    await expect(
      collect({ id: 'x', paths: ['*.csv'], baseDir: dir.path }),
    ).rejects.toThrow(/matches no file/);
  });

  describe('over HTTP', () => {
    let server: http.Server;
    let base: string;
    let handler: http.RequestListener;
    let urlReader: UrlReaderService;

    beforeAll(async () => {
      server = http.createServer((req, res) => handler(req, res));
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      base = `http://${host}`;
      urlReader = UrlReaders.default({
        config: new ConfigReader({
          backend: { reading: { allow: [{ host }] } },
        }),
        logger: mockServices.logger.mock(),
      });
    });
    afterEach(() => server.closeAllConnections());
    afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

    it('reads an export served by a URL', async () => {
      const file = path.join(FIXTURES, 'ai_prompt_caching_a.csv');
      handler = (req, res) => {
        expect(req.url).toBe('/exports/focus.csv?token=secret');
        res.writeHead(200, { 'content-type': 'text/csv' });
        fs.createReadStream(file).pipe(res);
      };
      const records = await collect({
        id: 'remote',
        urls: [`${base}/exports/focus.csv?token=secret`],
        urlReader,
      });
      expectTotalsOf(records, file);
    });

    it('fails on an HTTP error, naming the URL without its query', async () => {
      handler = (_req, res) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('boom');
      };
      const failure = collect({
        id: 'remote',
        urls: [`${base}/focus.csv?token=secret`],
        urlReader,
      });
      await expect(failure).rejects.toThrow(
        `Fetching FOCUS export ${base}/focus.csv failed; caused by Error: could not read ${base}/focus.csv, 500 Internal Server Error`,
      );
      await expect(failure).rejects.not.toThrow(/secret/);
    });

    it('fails on a URL that backend.reading.allow does not admit', async () => {
      handler = () => {
        throw new Error('no request expected');
      };
      const failure = collect({
        id: 'remote',
        urls: ['http://elsewhere.example.com/focus.csv?sig=secret'],
        urlReader,
      });
      await expect(failure).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(
          /^Fetching FOCUS export http:\/\/elsewhere\.example\.com\/focus\.csv failed; caused by NotAllowedError: .*backend\.reading\.allow/,
        ),
      });
      await expect(failure).rejects.not.toThrow(/secret/);
    });

    it('stops when the signal aborts while the server is silent', async () => {
      handler = () => {};
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await expect(
        collect(
          { id: 'remote', urls: [`${base}/focus.csv`], urlReader },
          ALL_DAYS,
          fetchContext({ signal: controller.signal }),
        ),
      ).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('yields records as the body streams, and stops when aborted midway', async () => {
      let release: () => void = () => {};
      const held = new Promise<void>(resolve => {
        release = resolve;
      });
      let ended = false;
      handler = async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write(`${HEADER}\n`);
        for (let i = 0; i < 1000; i++) {
          res.write(`1,,USD,2024-09-01,,P,S,row ${i},\n`);
        }
        await held;
        ended = true;
        res.end();
      };
      const controller = new AbortController();
      const items = FocusCostSource.create({
        id: 'remote',
        urls: [`${base}/focus.csv`],
        urlReader,
      }).fetch(ALL_DAYS, fetchContext({ signal: controller.signal }));
      const iterator = items[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value).toMatchObject({ record: { dimension: 'row 0' } });
      expect(ended).toBe(false);
      controller.abort();
      const drain = async () => {
        for (;;) {
          if ((await iterator.next()).done) {
            return;
          }
        }
      };
      await expect(drain()).rejects.toMatchObject({ name: 'AbortError' });
      release();
    });
  });

  it('fails at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      collect(
        { id: 'x', paths: ['ai_prompt_caching_a.csv'], baseDir: FIXTURES },
        ALL_DAYS,
        fetchContext({ signal: controller.signal }),
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  describe('a large file', () => {
    const rowCount = 200_000;
    const days = ['2024-09-01', '2024-09-02', '2024-09-03', '2024-09-04'];
    let tmp: string;
    let file: string;
    const expected: Record<string, bigint> = {};

    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'focus-large-'));
      file = path.join(tmp, 'large.csv');
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, `${HEADER},SkuPriceDetails\n`);
      let chunk = '';
      for (let i = 0; i < rowCount; i++) {
        const day = days[i % days.length];
        const whole = i % 97;
        const fraction = String((i * 7919) % 1_000_000).padStart(6, '0');
        expected[day] =
          (expected[day] ?? 0n) + BigInt(whole) * 1_000_000n + BigInt(fraction);
        chunk += `${whole}.${fraction},,USD,${day}T00:00:00Z,,OpenAI,API,d,"{""team"": ""t${
          i % 13
        }""}","{""ModelId"": ""gpt-4o"", ""TokenDirection"": ""Output""}"\n`;
        if (i % 10_000 === 9_999) {
          fs.writeSync(fd, chunk);
          chunk = '';
        }
      }
      fs.writeSync(fd, chunk);
      fs.closeSync(fd);
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
    afterEach(() => jest.restoreAllMocks());

    it('streams: the first record arrives after reading a small part of the file', async () => {
      const open = jest.spyOn(fs, 'createReadStream');
      const size = fs.statSync(file).size;
      const totals: Record<string, bigint> = {};
      let count = 0;
      let readAtFirstRecord = -1;
      for await (const item of FocusCostSource.create({
        id: 'large',
        paths: [file],
      }).fetch({ from: '2024-09-01', to: '2024-09-04' }, fetchContext())) {
        if (item.type !== 'cost') {
          continue;
        }
        if (count === 0) {
          readAtFirstRecord = (open.mock.results[0].value as fs.ReadStream)
            .bytesRead;
        }
        count += 1;
        const { day, billedCostMicros } = item.record;
        totals[day] = (totals[day] ?? 0n) + billedCostMicros;
      }
      expect(open).toHaveBeenCalledTimes(1);
      expect(readAtFirstRecord).toBeGreaterThan(0);
      expect(readAtFirstRecord).toBeLessThan(size / 20);
      expect(count).toBe(rowCount);
      expect(totals).toEqual(expected);
    }, 120_000);

    it('yields only the window of a large file', async () => {
      const records = await collect(
        { id: 'large', paths: [file] },
        { from: '2024-09-02', to: '2024-09-02' },
      );
      expect(records).toHaveLength(rowCount / days.length);
      expect(totalsByDay(records)).toEqual({
        '2024-09-02': expected['2024-09-02'],
      });
      expect(records[0]).toMatchObject({
        model: 'gpt-4o',
        dimensionKind: 'tokenType',
        dimension: 'output',
        tags: { team: 't1' },
      });
    }, 120_000);
  });
});

describe('FocusCostSource configuration', () => {
  it('reads an entry of tollgate.sources.focus', () => {
    const source = FocusCostSource.fromConfig(
      new ConfigReader({
        id: 'llm-invoices',
        paths: ['./examples/focus/*.csv'],
        urls: ['https://billing.example.com/focus.csv'],
        entityTagKey: 'backstage-entity',
        invalidRows: 'skip',
        currency: 'USD',
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 20 } },
        lookbackDays: 7,
      }),
      { urlReader: mockServices.urlReader.mock() },
    );
    expect(source.id).toBe('focus:llm-invoices');
    expect(source.type).toBe('focus');
    expect(source.schedule).toMatchObject({
      frequency: { hours: 6 },
      timeout: { minutes: 20 },
      lookbackDays: 7,
    });
  });

  it.each([
    [{ id: 'x' }, 'FOCUS source "x" needs at least one of paths or urls'],
    [{ id: ' ', paths: ['a.csv'] }, 'FOCUS source id must not be empty'],
    [
      { id: 'x', paths: ['a.csv'], invalidRows: 'ignore' },
      'FOCUS source "x" has invalidRows "ignore"; expected reject or skip',
    ],
    [
      { id: 'x', paths: ['a.csv'], currency: 'usd' },
      'FOCUS source "x" has currency "usd"; expected an ISO 4217 code such as USD',
    ],
    [
      { id: 'x', urls: ['ftp://host/a.csv'] },
      'FOCUS export URL ftp://host/a.csv must use http or https, not ftp:',
    ],
    [
      { id: 'x', urls: ['not a url'] },
      'FOCUS export URL "not a url" is not a valid URL',
    ],
    [
      { id: 'x', paths: ['*/a.csv'] },
      'FOCUS file path "*/a.csv" has a wildcard outside its last segment; only the file name may hold * and ?',
    ],
  ])('rejects %j', (data, message) => {
    expect(() =>
      FocusCostSource.fromConfig(new ConfigReader(data), {
        urlReader: mockServices.urlReader.mock(),
      }),
    ).toThrow(message);
  });

  it('rejects urls without a URL reader to read them', () => {
    expect(() =>
      FocusCostSource.fromConfig(
        new ConfigReader({ id: 'x', urls: ['https://host/a.csv'] }),
      ),
    ).toThrow('FOCUS source "x" has urls but no urlReader to read them');
  });
});
