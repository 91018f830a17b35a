import {
  COST_PATH,
  NEXT_PAGE,
  RECORDED_DAY,
  RECORDED_PAGES,
  USAGE_PATH,
} from './__testUtils__/recordedAnthropic';
import { collect, startSource, sum } from './__testUtils__/sourceHarness';
import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
} from '@tollgate/plugin-finops-node/testUtils';

/** Decimal text of cents as an integer of 10^-20 dollars, written apart from the source. */
function centsScaled(text: string): bigint {
  const [, sign, whole, fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!;
  const units = BigInt(whole + fraction.padEnd(18, '0').slice(0, 18));
  return sign ? -units : units;
}

/** Rounds 10^-20 dollars half up to cents (the amounts here are positive). */
const toCents = (units: bigint) => (units + 5n * 10n ** 17n) / 10n ** 18n;

/** Every result of a report's recorded pages, numbers as bigints. */
function recordedResults(report: string): Array<Record<string, any>> {
  return Object.values(RECORDED_PAGES[report]).flatMap(text =>
    JSON.parse(text, (_k, v, c?: { source?: string }) =>
      typeof v === 'number' ? BigInt(c!.source!) : v,
    ).data.flatMap((bucket: any) => bucket.results),
  );
}

describe('AnthropicCostSource', () => {
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
      'anthropic:org',
      'anthropic',
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
        ['starting_at', 'ending_at', 'bucket_width', 'limit'].map(k => [
          k,
          r.query.get(k),
        ]),
      ),
      r.query.getAll('group_by[]'),
      r.headers['x-api-key'],
      r.headers['anthropic-version'],
    ]);
    const base = {
      starting_at: '2025-08-01T00:00:00Z',
      ending_at: '2025-08-02T00:00:00Z',
      bucket_width: '1d',
      limit: '1',
    };
    const usage = ['model', 'workspace_id', 'api_key_id'];
    const cost = ['workspace_id', 'description'];
    const key = 'sk-ant-admin01-test';
    expect(asked).toEqual([
      [USAGE_PATH, null, base, usage, key, '2023-06-01'],
      [USAGE_PATH, NEXT_PAGE, base, usage, key, '2023-06-01'],
      [COST_PATH, null, base, cost, key, '2023-06-01'],
      [COST_PATH, NEXT_PAGE, base, cost, key, '2023-06-01'],
    ]);
    expect(server!.requests.every(r => !r.headers.authorization)).toBe(true);
  });

  it('totals the cents of the cost report, to the cent, once', async () => {
    const { records } = await collect(await serve());
    const amounts = recordedResults(COST_PATH).map(r => r.amount as string);
    const expected = sum(amounts.map(centsScaled));
    const total = sum(records.map(r => r.billedCostMicros));
    const totalScaled = total * 10n ** 14n;
    const gap =
      totalScaled > expected ? totalScaled - expected : expected - totalScaled;
    expect(gap).toBeLessThanOrEqual(BigInt(amounts.length) * 5n * 10n ** 13n);
    expect(toCents(totalScaled)).toBe(toCents(expected));
    // 123.78912 + 750.0 + 0.06 + 0.1875 + 0.6 + 10 + 0.32768 + 0.00004 cents
    expect(total).toBe(8_849_643n);
    const usage = records.filter(r => r.tags?.['anthropic.report'] === 'usage');
    expect(usage.every(r => r.billedCostMicros === 0n)).toBe(true);
  });

  it('records each token type of the usage report as reported', async () => {
    const { records } = await collect(await serve());
    const results = recordedResults(USAGE_PATH);
    const reported = (read: (r: any) => bigint) =>
      sum(results.map(r => read(r) ?? 0n));
    const recorded = (dimension: string, ttl?: string) =>
      sum(
        records
          .filter(
            r =>
              r.tags?.['anthropic.report'] === 'usage' &&
              r.dimension === dimension &&
              (!ttl || r.tags?.['anthropic.cache_ttl'] === ttl),
          )
          .map(r => r.quantity! / 1_000_000n),
      );
    expect(recorded('input')).toBe(reported(r => r.uncached_input_tokens));
    expect(recorded('cache-read')).toBe(
      reported(r => r.cache_read_input_tokens),
    );
    expect(recorded('cache-write', '5m')).toBe(
      reported(r => r.cache_creation.ephemeral_5m_input_tokens),
    );
    expect(recorded('cache-write', '1h')).toBe(
      reported(r => r.cache_creation.ephemeral_1h_input_tokens),
    );
    expect(recorded('output')).toBe(reported(r => r.output_tokens));
    expect(recorded('web_search')).toBe(
      reported(r => r.server_tool_use.web_search_requests),
    );
    expect(recorded('cache-read')).toBe(4398046511304n);
  });

  it('keeps workspace and API key ids, leaving records unallocated', async () => {
    const { records } = await collect(await serve());
    expect(records.every(r => r.entityRef === undefined)).toBe(true);
    expect(records[0]).toEqual({
      day: RECORDED_DAY,
      provider: 'anthropic',
      service: 'Anthropic API',
      model: 'claude-sonnet-4-20250514',
      dimensionKind: 'tokenType',
      dimension: 'input',
      quantity: 1500n * 1_000_000n,
      unit: 'tokens',
      billedCostMicros: 0n,
      currency: 'USD',
      tags: {
        'anthropic.report': 'usage',
        'anthropic.workspace_id': 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
        'anthropic.api_key_id': 'apikey_01Rj2N8SVvo6BePZj99NhmiT',
        'anthropic.service_tier': 'standard',
        'anthropic.context_window': '0-200k',
      },
    });
    const costs = records.filter(r => r.tags?.['anthropic.report'] === 'cost');
    expect(
      costs.map(r => [
        r.model,
        r.dimensionKind,
        r.dimension,
        r.tags?.['anthropic.cache_ttl'],
        r.tags?.['anthropic.workspace_id'],
        r.quantity,
      ]),
    ).toEqual([
      [
        'claude-sonnet-4-20250514',
        'tokenType',
        'input',
        undefined,
        'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
        undefined,
      ],
      [
        'claude-sonnet-4-20250514',
        'tokenType',
        'output',
        undefined,
        'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
        undefined,
      ],
      [
        'claude-sonnet-4-20250514',
        'tokenType',
        'cache-read',
        undefined,
        'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
        undefined,
      ],
      [
        'claude-sonnet-4-20250514',
        'tokenType',
        'cache-write',
        '5m',
        'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
        undefined,
      ],
      [
        'claude-sonnet-4-20250514',
        'tokenType',
        'cache-write',
        '1h',
        'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
        undefined,
      ],
      [
        undefined,
        'usage',
        'web_search',
        undefined,
        'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
        undefined,
      ],
      [
        'claude-3-5-haiku-20241022',
        'tokenType',
        'input',
        undefined,
        undefined,
        undefined,
      ],
      [undefined, 'usage', 'code_execution', undefined, undefined, undefined],
    ]);
    expect(costs[0].billedCostMicros).toBe(1_237_891n);
    expect(costs[0].tags?.['anthropic.description']).toBe(
      'Claude Sonnet 4 Usage - Input Tokens',
    );
  });

  it('gives the same records when a window is fetched again', async () => {
    const source = await serve();
    const first = await collect(source);
    const second = await collect(source);
    expect(second.records).toEqual(first.records);
    expect(first.records).toHaveLength(18);
  });
});
