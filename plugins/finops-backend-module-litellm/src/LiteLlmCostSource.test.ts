import { CostRecord } from '@tollgate/plugin-finops-common';
import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
} from '@tollgate/plugin-finops-node/testUtils';
import {
  RECORDED_DAY,
  RECORDED_PAGES,
  SPEND_LOGS_PATH,
  answerRecorded,
  fixtureText,
  recordedRows,
} from './__testUtils__/recordedLiteLlm';
import {
  MASTER_KEY,
  collect,
  startSource,
  sum,
} from './__testUtils__/sourceHarness';

/** Exact decimal text as an integer of 10^-20 units, written here apart from the source. */
function scaled(text: string): bigint {
  const [, sign, whole, fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!;
  const units = BigInt(whole + fraction.padEnd(20, '0').slice(0, 20));
  return sign ? -units : units;
}

/** Rounds 10^-20 units half up to cents (the amounts here are positive). */
const toCents = (units: bigint) => (units + 5n * 10n ** 17n) / 10n ** 18n;
/** Micro-units as 10^-20 units. */
const fromMicros = (micros: bigint) => micros * 10n ** 14n;

const money = (records: CostRecord[]) =>
  records.filter(r => r.dimension === 'requests');
const tokens = (records: CostRecord[], tokenType: string) =>
  sum(
    records
      .filter(r => r.dimension === tokenType)
      .map(r => r.quantity! / 1_000_000n),
  );

describe('LiteLlmCostSource', () => {
  let server: ReplayServer | undefined;
  async function serve(answer?: (request: ReceivedRequest) => ReplayAnswer) {
    const started = await startSource(answer);
    server = started.server;
    return started.source;
  }
  afterEach(() => server?.close());

  it('is a telemetry source named by its id', async () => {
    const source = await serve();
    expect([source.id, source.type, source.authority]).toEqual([
      'litellm:gateway',
      'litellm',
      'telemetry',
    ]);
  });

  it("asks for the window's spend logs page by page, oldest first, with the key", async () => {
    const { error } = await collect(await serve());
    expect(error).toBeUndefined();
    expect(
      server!.requests.map(r => [
        r.path,
        Object.fromEntries(r.query),
        r.headers.authorization,
      ]),
    ).toEqual(
      ['1', '2', '3'].map(page => [
        SPEND_LOGS_PATH,
        {
          start_date: '2024-04-30 00:00:00',
          end_date: '2024-05-01 00:00:00',
          page,
          page_size: '100',
          sort_by: 'startTime',
          sort_order: 'asc',
        },
        `Bearer ${MASTER_KEY}`,
      ]),
    );
  });

  it('totals the spend of every recorded request, to the cent, once', async () => {
    const { records } = await collect(await serve());
    const rows = recordedRows();
    const expected = sum(rows.map(row => scaled(row.spend)));
    const total = sum(records.map(r => r.billedCostMicros));
    const groups = BigInt(money(records).length);
    const drift = fromMicros(total) - expected;
    expect(drift < 0n ? -drift : drift).toBeLessThanOrEqual(
      groups * 5n * 10n ** 13n,
    );
    expect(toCents(fromMicros(total))).toBe(toCents(expected));
    // 2 + 1230 + 1230 + 214 + 82.5 + 319999.39… + 129.24 micro-dollars, rounded per record
    expect(total).toBe(322_886n);
    expect(
      records
        .filter(r => r.dimension !== 'requests')
        .every(r => r.billedCostMicros === 0n),
    ).toBe(true);
    expect(sum(money(records).map(r => r.quantity!))).toBe(
      BigInt(rows.length) * 1_000_000n,
    );
  });

  it('counts the tokens of every request by type', async () => {
    const { records } = await collect(await serve());
    const rows = recordedRows();
    expect(tokens(records, 'input')).toBe(
      sum(rows.map(row => BigInt(row.prompt_tokens))),
    );
    expect(tokens(records, 'output')).toBe(
      sum(rows.map(row => BigInt(row.completion_tokens))),
    );
  });

  it("adds up a team's requests, not a report's total", async () => {
    const { records } = await collect(await serve());
    const report = JSON.parse(
      fixtureText('docs_global_spend_report_group_by_team.json'),
      (_key, value, context?: { source?: string }) =>
        typeof value === 'number' ? context!.source : value,
    );
    const [team] = report[0].teams;
    const rowsTotal = sum(team.metadata.map((row: any) => scaled(row.spend)));
    // the documented report says 0.0015265; its rows add up to 0.0027565
    expect(scaled(team.total_spend)).not.toBe(rowsTotal);
    const prod = records.filter(
      r => r.tags?.['litellm.team_alias'] === team.team_name,
    );
    const total = sum(money(prod).map(r => r.billedCostMicros));
    expect(total).toBe(2_756n);
    const drift = fromMicros(total) - rowsTotal;
    expect(drift < 0n ? -drift : drift).toBeLessThan(10n ** 14n);
    expect(tokens(prod, 'input') + tokens(prod, 'output')).toBe(
      sum(team.metadata.map((row: any) => BigInt(row.total_tokens))),
    );
    expect(new Set(prod.map(r => r.tags?.['litellm.team_id']))).toEqual(
      new Set(['5c0e8a52-3d7f-4f6e-8b1a-2e9d4c6f7a10']),
    );
  });

  it('matches the per-model spend and tokens of the API key report', async () => {
    const { records } = await collect(await serve());
    const [report] = JSON.parse(
      fixtureText('docs_global_spend_report_api_key.json'),
      (_key, value, context?: { source?: string }) =>
        typeof value === 'number' ? context!.source : value,
    );
    const ofKey = records.filter(
      r => r.tags?.['litellm.api_key'] === report.api_key,
    );
    for (const detail of report.model_details) {
      const ofModel = ofKey.filter(r => r.model === detail.model);
      const spent = sum(money(ofModel).map(r => r.billedCostMicros));
      const drift = fromMicros(spent) - scaled(detail.total_cost);
      expect(drift < 0n ? -drift : drift).toBeLessThanOrEqual(5n * 10n ** 13n);
      expect(tokens(ofModel, 'input')).toBe(BigInt(detail.total_input_tokens));
      expect(tokens(ofModel, 'output')).toBe(
        BigInt(detail.total_output_tokens),
      );
    }
    expect(
      toCents(fromMicros(sum(money(ofKey).map(r => r.billedCostMicros)))),
    ).toBe(toCents(scaled(report.total_cost)));
  });

  it('attributes requests that name their entity and keeps who made each', async () => {
    const { records } = await collect(await serve());
    const attributed = money(records).filter(r => r.entityRef);
    expect(attributed.map(r => [r.entityRef, r.model, r.provider])).toEqual([
      ['component:default/illustrator', 'dall-e-3', 'openai'],
      ['component:default/summarizer', 'llama3-8b-8192', 'groq'],
    ]);
    expect(attributed[1].tags?.['litellm.request_tags']).toBe(
      '["backstage-entity:summarizer","env:prod"]',
    );
    expect(money(records)[0]).toEqual({
      day: RECORDED_DAY,
      provider: 'groq',
      service: 'LiteLLM proxy',
      model: 'llama3-8b-8192',
      dimensionKind: 'usage',
      dimension: 'requests',
      quantity: 1_000_000n,
      unit: 'requests',
      billedCostMicros: 2n,
      currency: 'USD',
      tags: {
        'litellm.team_id': 'e8d1460f-846c-45d7-9b43-55f3cc52ac32',
        'litellm.key_alias': 'page-classifier',
        'litellm.api_key': 'fe6b0cab4ff5a5a8df823196cc8a450*****',
        'litellm.user': 'default_user',
        'litellm.end_user': 'palantir',
        'litellm.model_group': 'llama3',
        'litellm.request_tags':
          '["jobID:214590dsff09fds","taskName:run_page_classification"]',
      },
    });
    // the failed request of the first key's team counts as a request of no spend
    expect(
      money(records).find(r => r.tags?.['litellm.key_alias'] === 'prod-gpt4'),
    ).toMatchObject({ quantity: 2_000_000n, billedCostMicros: 1_230n });
  });

  it('counts a request once when a later page repeats it', async () => {
    const source = await serve(request => {
      if (request.query.get('page') !== '2') {
        return answerRecorded(request);
      }
      // a request logged meanwhile moved the last row of page 1 onto page 2
      const first = JSON.parse(RECORDED_PAGES['1']).data;
      const page = JSON.parse(RECORDED_PAGES['2']);
      page.data.unshift(first[first.length - 1]);
      return { body: page };
    });
    const repeated = await collect(source);
    await server!.close();
    const plain = await collect(await serve());
    expect(repeated.error).toBeUndefined();
    expect(repeated.records).toEqual(plain.records);
  });

  it('gives the same records when a window is fetched again', async () => {
    const source = await serve();
    const first = await collect(source);
    const second = await collect(source);
    expect(second.records).toEqual(first.records);
    expect(first.records).toHaveLength(19);
  });

  it('reads a day without requests as no records, in one request', async () => {
    const { items, error } = await collect(
      await serve(() => ({
        body: { data: [], total: 0, page: 1, page_size: 100, total_pages: 0 },
      })),
    );
    expect([items, error]).toEqual([[], undefined]);
    expect(server!.requests).toHaveLength(1);
  });

  it('refuses a window that is not days', async () => {
    const { error } = await collect(await serve(), {
      from: '2024-05-01',
      to: '2024-04-30',
    });
    expect(error?.message).toBe(
      'Invalid window 2024-05-01..2024-04-30: expected UTC days as YYYY-MM-DD, from not after to',
    );
    expect(server!.requests).toEqual([]);
  });
});
