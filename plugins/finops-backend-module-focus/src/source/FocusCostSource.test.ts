import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import {
  FIXTURES,
  ALL_DAYS,
  fetchContext,
  collect,
  HEADER,
} from '../__testUtils__/focusSourceTesting';
import { totalsByDay, expectTotalsOf } from '../__testUtils__/fixtureTotals';

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
});
