import { CostRecord } from '@tollgate/plugin-finops-common';
import {
  COMPLETIONS_NEXT_PAGE,
  RECORDED_DAY,
  RECORDED_PAGES,
} from './__testUtils__/recordedOpenAi';
import { collect, startSource, sum } from './__testUtils__/sourceHarness';
import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
} from '@tollgate/plugin-finops-node/testUtils';

const COSTS_PATH = '/v1/organization/costs';
const COMPLETIONS_PATH = '/v1/organization/usage/completions';

/** Exact decimal text as an integer of 10^-20 units, written here apart from the source. */
function scaled(text: string): bigint {
  const [, sign, whole, fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!;
  const units = BigInt(whole + fraction.padEnd(20, '0').slice(0, 20));
  return sign ? -units : units;
}

/** Rounds 10^-20 units half up to cents (the amounts here are positive). */
const toCents = (units: bigint) => (units + 5n * 10n ** 17n) / 10n ** 18n;

/** Every amount.value the recorded costs pages hold, as written. */
function recordedAmounts(): string[] {
  return Object.values(RECORDED_PAGES[COSTS_PATH]).flatMap(text =>
    [...text.matchAll(/"value":\s*(-?\d+(?:\.\d+)?)/g)].map(m => m[1]),
  );
}

/** Every result of the recorded completions pages. */
function recordedCompletions(): Array<Record<string, number>> {
  return Object.values(RECORDED_PAGES[COMPLETIONS_PATH]).flatMap(text =>
    JSON.parse(text).data.flatMap((b: any) => b.results),
  );
}

const tokensOf = (records: CostRecord[], report: string, tokenType: string) =>
  sum(
    records
      .filter(
        r => r.tags?.['openai.report'] === report && r.dimension === tokenType,
      )
      .map(r => r.quantity! / 1_000_000n),
  );

describe('OpenAiCostSource', () => {
  let server: ReplayServer | undefined;
  async function serve(answer?: (request: ReceivedRequest) => ReplayAnswer) {
    const started = await startSource(answer);
    server = started.server;
    return started.source;
  }
  afterEach(() => server?.close());

  it('is a vendor API source named by its id', async () => {
    const source = await serve();
    expect([source.id, source.type, source.authority]).toEqual([
      'openai:org',
      'openai',
      'vendor-api',
    ]);
  });

  it('asks each report for the window by day, grouped, with the admin key', async () => {
    const { error } = await collect(await serve());
    expect(error).toBeUndefined();
    const asked = server!.requests.map(r => [
      r.path,
      r.query.get('page'),
      Object.fromEntries(
        ['start_time', 'end_time', 'bucket_width', 'limit'].map(k => [
          k,
          r.query.get(k),
        ]),
      ),
      r.query.getAll('group_by'),
      r.headers.authorization,
    ]);
    const days = { start_time: '1730419200', end_time: '1730505600' };
    const usageGroups = ['model', 'project_id', 'api_key_id'];
    const bearer = 'Bearer sk-admin-test';
    const base = { ...days, bucket_width: '1d', limit: '1' };
    expect(asked).toEqual([
      [COMPLETIONS_PATH, null, base, usageGroups, bearer],
      [COMPLETIONS_PATH, COMPLETIONS_NEXT_PAGE, base, usageGroups, bearer],
      ['/v1/organization/usage/embeddings', null, base, usageGroups, bearer],
      [COSTS_PATH, null, base, ['line_item', 'project_id'], bearer],
      [COSTS_PATH, 'page_costs_2', base, ['line_item', 'project_id'], bearer],
    ]);
  });

  it('totals the money of the recorded costs, to the cent, once', async () => {
    const { records } = await collect(await serve());
    const expected = sum(recordedAmounts().map(scaled));
    const total = sum(records.map(r => r.billedCostMicros));
    expect(total * 10n ** 14n - expected).toBeLessThanOrEqual(
      BigInt(recordedAmounts().length) * 5n * 10n ** 13n,
    );
    expect(toCents(total * 10n ** 14n)).toBe(toCents(expected));
    // 0.06 + 0.06 + 0.1 + 0.2 + 0.895874 + 0.0000004 + 12.345678901234567
    expect(total).toBe(13_661_553n);
    const usage = records.filter(r => r.tags?.['openai.report'] !== 'costs');
    expect(usage.every(r => r.billedCostMicros === 0n)).toBe(true);
  });

  it('takes uncached input as input less cached and cache-write tokens', async () => {
    const { records } = await collect(await serve());
    const results = recordedCompletions();
    const total = (field: string) =>
      BigInt(results.reduce((s, r) => s + (r[field] ?? 0), 0));
    expect(tokensOf(records, 'completions', 'cache-read')).toBe(
      total('input_cached_tokens'),
    );
    expect(tokensOf(records, 'completions', 'cache-write')).toBe(
      total('input_cache_write_tokens'),
    );
    expect(tokensOf(records, 'completions', 'input')).toBe(
      total('input_tokens') -
        total('input_cached_tokens') -
        total('input_cache_write_tokens'),
    );
    expect(tokensOf(records, 'completions', 'input')).toBe(
      total('input_uncached_tokens'),
    );
    expect(tokensOf(records, 'completions', 'output')).toBe(
      total('output_tokens'),
    );
    expect(tokensOf(records, 'embeddings', 'input')).toBe(16n);
  });

  it('keeps project and API key ids, leaving records unallocated', async () => {
    const { records } = await collect(await serve());
    expect(records.every(r => r.entityRef === undefined)).toBe(true);
    expect(
      records.find(r => r.tags?.['openai.report'] === 'completions' && r.model),
    ).toEqual({
      day: RECORDED_DAY,
      provider: 'openai',
      service: 'OpenAI API',
      model: 'gpt-4o-mini-2024-07-18',
      dimensionKind: 'tokenType',
      dimension: 'input',
      quantity: 3000n * 1_000_000n,
      unit: 'tokens',
      billedCostMicros: 0n,
      currency: 'USD',
      tags: {
        'openai.report': 'completions',
        'openai.project_id': 'proj_abc',
        'openai.api_key_id': 'key_abc',
        'openai.batch': 'false',
        'openai.service_tier': 'default',
        'openai.user_id': 'user-abc',
      },
    });
    const costs = records.filter(r => r.tags?.['openai.report'] === 'costs');
    expect(
      costs.map(r => [r.model, r.dimensionKind, r.dimension, r.quantity]),
    ).toEqual([
      [undefined, 'usage', 'costs', undefined],
      ['gpt-4o-mini-2024-07-18', 'tokenType', 'input', undefined],
      ['gpt-4o-mini-2024-07-18', 'tokenType', 'cache-read', undefined],
      ['gpt-4o-mini-2024-07-18', 'tokenType', 'output', undefined],
      ['text-embedding-ada-002-v2', 'tokenType', 'input', undefined],
      [undefined, 'usage', 'web search tool calls', undefined],
      ['gpt-4o-2024-08-06', 'tokenType', 'output', undefined],
    ]);
    expect(costs[1].tags).toEqual({
      'openai.report': 'costs',
      'openai.project_id': 'proj_abc',
      'openai.line_item': 'gpt-4o-mini-2024-07-18, input',
    });
    expect(costs.every(r => r.currency === 'USD')).toBe(true);
  });

  it('gives the same records when a window is fetched again', async () => {
    const source = await serve();
    const first = await collect(source);
    const second = await collect(source);
    expect(second.records).toEqual(first.records);
    expect(first.records).toHaveLength(16);
  });

  it('refuses a window that is not days', async () => {
    const { error } = await collect(await serve(), {
      from: '2024-11-02',
      to: '2024-11-01',
    });
    expect((error as Error).message).toBe(
      'Invalid window 2024-11-02..2024-11-01: expected UTC days as YYYY-MM-DD, from not after to',
    );
    expect(server!.requests).toEqual([]);
  });
});
