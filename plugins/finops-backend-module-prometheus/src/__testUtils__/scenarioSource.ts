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
import { scenarioEntities } from './scenarioEntities';
import { scenarioOpenMetrics } from './scenarioOpenMetrics';
import {
  findPrometheus,
  RunningPrometheus,
  startPrometheus,
} from './startPrometheus';
import { TestPriceBook } from './TestPriceBook';
import { PrometheusCostSource } from '../source/PrometheusCostSource';

export const installed = findPrometheus();
const utf8Supported = installed?.supportsUtf8Names ?? false;
export const UTF8_SKIP_NOTE = installed
  ? `needs Prometheus 3 for UTF-8 metric names; the installed ${installed.version} cannot ingest them, skipped`
  : 'needs Prometheus 3';
if (installed && !utf8Supported) {
  // eslint-disable-next-line no-console
  console.warn(
    `Prometheus ${installed.version}: the UTF-8 metric name tests are skipped (they need Prometheus 3).`,
  );
}
export const describeWithUtf8 = utf8Supported ? describe : describe.skip;
export const describeWithoutUtf8 = utf8Supported ? describe.skip : describe;

export const SUMMARIZER = 'component:default/summarizer';
export const TRIAGE = 'component:default/triage';
export const WRITER = 'component:default/writer';
export const DAY1 = '2025-03-01';
export const DAY2 = '2025-03-02';
export const DAY3 = '2025-03-03';
export const WINDOW = { from: DAY1, to: DAY3 };

export const priceBook = new TestPriceBook({
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

export let prometheus: RunningPrometheus;

/** Starts Prometheus with the scenario's metrics before the file's tests, and stops it after. */
export function runScenarioPrometheus() {
  beforeAll(async () => {
    prometheus = await startPrometheus(
      scenarioOpenMetrics({ utf8Names: utf8Supported }),
    );
  });

  afterAll(async () => {
    await prometheus?.stop();
  });
}

export function sourceConfig(
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

export async function fetchAll(
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

export function metricsOf(
  metrics: UsageMetric[],
  entityRef: string,
  day: string,
) {
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

export function expectMetrics(
  actual: Record<string, number>,
  expected: Record<string, number>,
) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expect([key, actual[key]]).toEqual([key, expect.closeTo(value, 9)]);
  }
}

export function costsOf(costs: CostRecord[], entityRef: string, day: string) {
  return costs
    .filter(c => c.entityRef === entityRef && c.day === day)
    .sort((a, b) =>
      `${a.model}${a.dimension}`.localeCompare(`${b.model}${b.dimension}`),
    );
}
