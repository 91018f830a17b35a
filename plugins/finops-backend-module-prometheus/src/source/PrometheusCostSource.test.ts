import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { CostRecord } from '@tollgate/plugin-finops-common';
import {
  CostSourceFetchContext,
  CostSourceItem,
  UsageMetric,
} from '@tollgate/plugin-finops-node';
import { DEFAULT_METRIC_NAMES } from '../config/MetricNames';
import { PrometheusSourceConfig } from '../config/PrometheusSourceConfig';
import { DEFAULT_SELECTOR_TEMPLATE } from '../config/renderSelector';
import { scenarioEntities, scenarioOpenMetrics } from '../testing/scenario';
import {
  findPrometheus,
  RunningPrometheus,
  startPrometheus,
} from '../testing/startPrometheus';
import { TestPriceBook } from '../testing/TestPriceBook';
import { PrometheusCostSource } from './PrometheusCostSource';

jest.setTimeout(120_000);

const installed = findPrometheus();
const utf8Supported = installed?.supportsUtf8Names ?? false;
const UTF8_SKIP_NOTE = installed
  ? `needs Prometheus 3 for UTF-8 metric names; the installed ${installed.version} cannot ingest them, skipped`
  : 'needs Prometheus 3';
if (installed && !utf8Supported) {
  // eslint-disable-next-line no-console
  console.warn(
    `Prometheus ${installed.version}: the UTF-8 metric name tests are skipped (they need Prometheus 3).`,
  );
}
const describeWithUtf8 = utf8Supported ? describe : describe.skip;
const describeWithoutUtf8 = utf8Supported ? describe.skip : describe;

const SUMMARIZER = 'component:default/summarizer';
const TRIAGE = 'component:default/triage';
const WRITER = 'component:default/writer';
const DAY1 = '2025-03-01';
const DAY2 = '2025-03-02';
const DAY3 = '2025-03-03';
const WINDOW = { from: DAY1, to: DAY3 };

const priceBook = new TestPriceBook({
  tokens: {
    'openai/gpt-4o/input': '0.0000025',
    'openai/gpt-4o/output': '0.00001',
    'openai/gpt-4o/cache-read': '0.00000125',
    'anthropic/claude-sonnet-4/cache-write': '0.00000375',
  },
  operations: {
    'api:default/stripe POST /v1/charges': '0.004',
    'api:default/anthropic POST': '0.001',
  },
});

let prometheus: RunningPrometheus;

beforeAll(async () => {
  prometheus = await startPrometheus(
    scenarioOpenMetrics({ utf8Names: utf8Supported }),
  );
});

afterAll(async () => {
  await prometheus?.stop();
});

function sourceConfig(
  overrides: Partial<PrometheusSourceConfig> = {},
): PrometheusSourceConfig {
  return {
    id: 'main',
    baseUrl: prometheus.baseUrl,
    headers: {},
    timeoutMs: 10_000,
    defaultSelector: DEFAULT_SELECTOR_TEMPLATE,
    naming: 'both',
    metrics: DEFAULT_METRIC_NAMES.otel,
    schedule: {},
    ...overrides,
  };
}

async function fetchAll(
  config: PrometheusSourceConfig,
  window = WINDOW,
  signal = new AbortController().signal,
  entities = scenarioEntities,
) {
  const logger = mockServices.logger.mock();
  const context: CostSourceFetchContext = {
    signal,
    logger,
    entities: async () => entities,
    priceBook,
  };
  const source = new PrometheusCostSource(config, { currency: 'USD' });
  const items: CostSourceItem[] = [];
  for await (const item of source.fetch(window, context)) {
    items.push(item);
  }
  const warnings = logger.warn.mock.calls.map(call => String(call[0]));
  return {
    metrics: items.flatMap(i => (i.type === 'metric' ? [i.metric] : [])),
    costs: items.flatMap(i => (i.type === 'cost' ? [i.record] : [])),
    warnings,
  };
}

function metricsOf(metrics: UsageMetric[], entityRef: string, day: string) {
  const found: Record<string, number> = {};
  for (const m of metrics.filter(
    x => x.entityRef === entityRef && x.day === day,
  )) {
    const labels = Object.entries(m.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    found[labels ? `${m.metric}{${labels}}` : m.metric] = m.value;
  }
  return found;
}

function expectMetrics(
  actual: Record<string, number>,
  expected: Record<string, number>,
) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expect([key, actual[key]]).toEqual([key, expect.closeTo(value, 9)]);
  }
}

function costsOf(costs: CostRecord[], entityRef: string, day: string) {
  return costs
    .filter(c => c.entityRef === entityRef && c.day === day)
    .sort((a, b) =>
      `${a.model}${a.dimension}`.localeCompare(`${b.model}${b.dimension}`),
    );
}

describe('PrometheusCostSource on a real Prometheus server', () => {
  it('reports requests, errors, latency, upstream pressure and outcomes per day', async () => {
    const { metrics } = await fetchAll(sourceConfig());

    expectMetrics(metricsOf(metrics, SUMMARIZER, DAY1), {
      'http.requests{status=200}': 2280,
      'http.requests{status=500}': 96,
      'http.requests{status=404}': 24,
      'http.error_rate': 0.04,
      'http.latency.p50': 0.1,
      'http.latency.p95': 0.25,
      'http.latency.p99': 1,
      'upstream.requests{host=api.openai.com,status=200,api=api:default/openai}': 504,
      'upstream.requests{host=api.openai.com,status=429,api=api:default/openai}': 48,
      'upstream.requests{host=api.openai.com,status=503,api=api:default/openai}': 24,
      'upstream.requests{host=api.openai.com,status=timeout,api=api:default/openai}': 24,
      'upstream.throttled{host=api.openai.com}': 0.16,
      'upstream.requests{host=api.stripe.com,status=200,api=api:default/stripe}': 240,
      'upstream.throttled{host=api.stripe.com}': 0,
      'upstream.requests{host=internal.example.com,status=200}': 24,
      'upstream.throttled{host=internal.example.com}': 0,
      outcomes: 720,
    });
    expectMetrics(metricsOf(metrics, SUMMARIZER, DAY2), {
      'http.requests{status=200}': 4704,
      'http.requests{status=500}': 96,
      'http.requests{status=404}': 0,
      'http.error_rate': 0.02,
      'http.latency.p50': 0.1,
      'http.latency.p95': 0.240625,
      'http.latency.p99': 0.625,
      'upstream.requests{host=api.openai.com,status=200,api=api:default/openai}': 1008,
      'upstream.requests{host=api.openai.com,status=429,api=api:default/openai}': 48,
      'upstream.requests{host=api.openai.com,status=503,api=api:default/openai}': 24,
      'upstream.requests{host=api.openai.com,status=timeout,api=api:default/openai}': 24,
      'upstream.throttled{host=api.openai.com}': 96 / 1104,
      'upstream.requests{host=api.stripe.com,status=200,api=api:default/stripe}': 480,
      'upstream.throttled{host=api.stripe.com}': 0,
      'upstream.requests{host=internal.example.com,status=200}': 24,
      'upstream.throttled{host=internal.example.com}': 0,
      outcomes: 1440,
    });
    // The data stops at the end of day 2: no data is no error, and yields nothing.
    expect(metricsOf(metrics, SUMMARIZER, DAY3)).toEqual({});
    // triage has only Naftiko metrics, which the OpenTelemetry names do not see.
    expect(metrics.filter(m => m.entityRef === TRIAGE)).toEqual([]);
  });

  it('prices token usage exactly and reports unknown models unpriced', async () => {
    const { costs, warnings } = await fetchAll(sourceConfig());
    const gpt4o = {
      entityRef: SUMMARIZER,
      provider: 'openai',
      service: 'openai API',
      model: 'gpt-4o',
      dimensionKind: 'tokenType',
      unit: 'tokens',
      currency: 'USD',
    };
    const mystery = {
      entityRef: SUMMARIZER,
      provider: 'acme',
      service: 'acme API',
      model: 'mystery-model',
      dimensionKind: 'tokenType',
      dimension: 'input',
      unit: 'tokens',
      currency: 'USD',
      quantity: 24_000_000_000n,
      billedCostMicros: 0n,
      tags: { unpriced: 'true' },
    };
    const tokenCosts = (day: string) =>
      costsOf(costs, SUMMARIZER, day).filter(
        c => c.dimensionKind === 'tokenType',
      );

    expect(tokenCosts(DAY1)).toEqual([
      // 120,000 cache-read tokens at 1.25 USD per million: 0.15 USD.
      {
        ...gpt4o,
        day: DAY1,
        dimension: 'cache-read',
        quantity: 120_000_000_000n,
        billedCostMicros: 150_000n,
      },
      // 1,234,560 input tokens at 2.50 USD per million: 3.0864 USD.
      {
        ...gpt4o,
        day: DAY1,
        dimension: 'input',
        quantity: 1_234_560_000_000n,
        billedCostMicros: 3_086_400n,
      },
      // 240,000 output tokens at 10 USD per million: 2.40 USD.
      {
        ...gpt4o,
        day: DAY1,
        dimension: 'output',
        quantity: 240_000_000_000n,
        billedCostMicros: 2_400_000n,
      },
      { ...mystery, day: DAY1 },
    ]);
    expect(tokenCosts(DAY2)).toEqual([
      {
        ...gpt4o,
        day: DAY2,
        dimension: 'cache-read',
        quantity: 120_000_000_000n,
        billedCostMicros: 150_000n,
      },
      {
        ...gpt4o,
        day: DAY2,
        dimension: 'input',
        quantity: 2_400_000_000_000n,
        billedCostMicros: 6_000_000n,
      },
      {
        ...gpt4o,
        day: DAY2,
        dimension: 'output',
        quantity: 480_000_000_000n,
        billedCostMicros: 4_800_000n,
      },
      { ...mystery, day: DAY2 },
    ]);
    expect(warnings.filter(w => w.includes('mystery-model'))).toHaveLength(1);
    expect(warnings.find(w => w.includes('mystery-model'))).toMatch(/unpriced/);
  });

  it('prices calls to consumed API operations and reports unpriced operations', async () => {
    const { costs, warnings } = await fetchAll(sourceConfig());
    const operationCosts = (day: string) =>
      costsOf(costs, SUMMARIZER, day).filter(
        c => c.dimensionKind === 'operation',
      );

    expect(operationCosts(DAY1)).toEqual([
      {
        day: DAY1,
        entityRef: SUMMARIZER,
        provider: 'api.openai.com',
        service: 'OpenAI API',
        dimensionKind: 'operation',
        // The server URL https://api.openai.com/v1 carries the /v1 of the route.
        dimension: 'POST /chat/completions',
        quantity: 504_000_000n,
        unit: 'calls',
        billedCostMicros: 0n,
        currency: 'USD',
        tags: { apiRef: 'api:default/openai', unpriced: 'true' },
      },
      {
        day: DAY1,
        entityRef: SUMMARIZER,
        provider: 'api.stripe.com',
        service: 'Stripe API',
        dimensionKind: 'operation',
        dimension: 'POST /v1/charges',
        quantity: 240_000_000n,
        unit: 'calls',
        // 240 calls at 0.004 USD.
        billedCostMicros: 960_000n,
        currency: 'USD',
        tags: { apiRef: 'api:default/stripe' },
      },
    ]);
    expect(
      operationCosts(DAY2).map(c => [
        c.dimension,
        c.quantity,
        c.billedCostMicros,
      ]),
    ).toEqual([
      ['POST /chat/completions', 1_008_000_000n, 0n],
      ['POST /v1/charges', 480_000_000n, 1_920_000n],
    ]);
    expect(
      warnings.filter(w => w.includes('POST /chat/completions')),
    ).toHaveLength(1);
    // Hosts the component consumes no API of are reported as upstream metrics only.
    expect(costs.filter(c => c.provider === 'internal.example.com')).toEqual(
      [],
    );
  });

  it('reads the Naftiko engine metrics with the naftiko profile', async () => {
    const { metrics, costs } = await fetchAll(
      sourceConfig({ id: 'naftiko', metrics: DEFAULT_METRIC_NAMES.naftiko }),
    );
    const triageDay = {
      'http.requests{status=200}': 1176,
      'http.requests{status=ERROR}': 24,
      'http.error_rate': 0.02,
      'http.latency.p50': 0.5,
      'http.latency.p95': 1,
      'http.latency.p99': 4.2,
      'upstream.requests{host=api.anthropic.com,status=200,api=api:default/anthropic}': 456,
      'upstream.requests{host=api.anthropic.com,status=429,api=api:default/anthropic}': 24,
      'upstream.requests{host=api.anthropic.com,status=error,api=api:default/anthropic}': 24,
      'upstream.throttled{host=api.anthropic.com}': 24 / 504,
    };
    for (const day of [DAY1, DAY2, DAY3]) {
      expectMetrics(metricsOf(metrics, TRIAGE, day), triageDay);
    }
    // Naftiko's client metric has no route: the operation is the method alone.
    expect(costsOf(costs, TRIAGE, DAY1)).toEqual([
      {
        day: DAY1,
        entityRef: TRIAGE,
        provider: 'api.anthropic.com',
        service: 'Anthropic API',
        dimensionKind: 'operation',
        dimension: 'POST',
        quantity: 456_000_000n,
        unit: 'calls',
        billedCostMicros: 456_000n,
        currency: 'USD',
        tags: { apiRef: 'api:default/anthropic' },
      },
    ]);
    // The OpenTelemetry HTTP metrics of summarizer are not read by this profile.
    expect(
      metrics.filter(
        m => m.entityRef === SUMMARIZER && m.metric.startsWith('http.'),
      ),
    ).toEqual([]);
  });

  it('skips components with an invalid selector or a refused outcome query, with warnings', async () => {
    const { metrics, costs, warnings } = await fetchAll(sourceConfig());
    const refs = new Set([...metrics, ...costs].map(i => i.entityRef));
    expect(refs.has('component:default/broken')).toBe(false);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /component:default\/broken.*tollgate\.dev\/prometheus-selector.*"job=\\"summarizer\\""/,
      ),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /component:default\/reporter.*tollgate\.dev\/outcome-query.*parse error/,
      ),
    );
  });

  describeWithoutUtf8(
    `on a server without UTF-8 names (${installed?.version})`,
    () => {
      it('reads the classic names when the server refuses UTF-8 names', async () => {
        const both = await fetchAll(sourceConfig());
        const classic = await fetchAll(sourceConfig({ naming: 'classic' }));
        expect(both.costs).toEqual(classic.costs);
        expect(both.warnings.filter(w => w.includes('UTF-8'))).toHaveLength(1);
        expect(classic.warnings.filter(w => w.includes('UTF-8'))).toHaveLength(
          0,
        );
      });

      it('fails clearly with naming utf8', async () => {
        await expect(
          fetchAll(sourceConfig({ naming: 'utf8' })),
        ).rejects.toThrow(/gen_ai\.client\.token\.usage_sum.*parse error/s);
      });
    },
  );

  describeWithUtf8(`with UTF-8 names (${UTF8_SKIP_NOTE})`, () => {
    it('reads UTF-8 names and counts usage under both names once', async () => {
      const both = await fetchAll(sourceConfig());
      const classic = await fetchAll(sourceConfig({ naming: 'classic' }));
      const utf8 = await fetchAll(sourceConfig({ naming: 'utf8' }));
      const summarizerCosts = (costs: CostRecord[]) =>
        costs.filter(
          c => c.entityRef === SUMMARIZER && c.dimensionKind === 'tokenType',
        );
      expect(summarizerCosts(both.costs)).toEqual(
        summarizerCosts(classic.costs),
      );
      expect(
        summarizerCosts(utf8.costs)
          .filter(c => c.day === DAY1)
          .map(c => [c.dimension, c.billedCostMicros]),
      ).toEqual([['input', 3_086_400n]]);
      // 96,000 cache-write tokens at 3.75 USD per million: 0.36 USD.
      expect(costsOf(both.costs, WRITER, DAY1)).toEqual([
        {
          day: DAY1,
          entityRef: WRITER,
          provider: 'anthropic',
          service: 'anthropic API',
          model: 'claude-sonnet-4',
          dimensionKind: 'tokenType',
          dimension: 'cache-write',
          quantity: 96_000_000_000n,
          unit: 'tokens',
          billedCostMicros: 360_000n,
          currency: 'USD',
        },
      ]);
    });
  });

  it('yields nothing for days that have not begun', async () => {
    const { metrics, costs } = await fetchAll(sourceConfig(), {
      from: '2999-01-01',
      to: '2999-01-02',
    });
    expect([...metrics, ...costs]).toEqual([]);
  });
});

describe('PrometheusCostSource errors', () => {
  it('fails the run while the catalog holds no component, so that the backfill is read later', async () => {
    const apisOnly = scenarioEntities.filter(
      e => e.kind.toLowerCase() !== 'component',
    );
    await expect(
      fetchAll(sourceConfig(), WINDOW, new AbortController().signal, apisOnly),
    ).rejects.toThrow(
      'Prometheus source main: the catalog holds no Component yet, so no metrics were read; the run is retried',
    );
  });

  it('throws on HTTP errors, naming the query and the answer', async () => {
    await expect(
      fetchAll(
        sourceConfig({ baseUrl: `${prometheus.baseUrl}/no-such-prefix` }),
      ),
    ).rejects.toThrow(
      /no-such-prefix\/api\/v1\/query \(time 2025-03-02T00:00:00\.000Z\): .*\[1d\].* failed with HTTP 404 Not Found: 404 page not found/,
    );
  });

  it('throws on Prometheus error bodies with the server message', async () => {
    const config = sourceConfig();
    // A regular expression that Prometheus cannot compile is an error body.
    const entities = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'bad-regex',
          annotations: { 'tollgate.dev/prometheus-selector': '{job=~"("}' },
        },
        spec: {},
      },
    ];
    const source = new PrometheusCostSource(config, { currency: 'USD' });
    const run = async () => {
      for await (const _ of source.fetch(WINDOW, {
        signal: new AbortController().signal,
        logger: mockServices.logger.mock(),
        entities: async () => entities,
        priceBook,
      })) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow(
      /bad_data: .*job=~"\(".*|job=~"\(".*bad_data/s,
    );
  });

  describe('against a server that never answers', () => {
    let server: Server;
    let url: string;

    beforeAll(async () => {
      server = createServer(() => {
        // Never answers.
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    });

    it('throws when a query times out', async () => {
      await expect(
        fetchAll(sourceConfig({ baseUrl: url, timeoutMs: 300 })),
      ).rejects.toThrow(/timed out after 300 ms.*/);
    });

    it('stops when the run is aborted', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      await expect(
        fetchAll(
          sourceConfig({ baseUrl: url, timeoutMs: 60_000 }),
          WINDOW,
          controller.signal,
        ),
      ).rejects.toThrow(/aborted/);
    });
  });
});
