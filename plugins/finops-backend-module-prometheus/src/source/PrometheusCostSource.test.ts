import { CostRecord } from '@tollgate/plugin-finops-common';
import { DEFAULT_METRIC_NAMES } from '../config/MetricNames';
import {
  installed,
  UTF8_SKIP_NOTE,
  describeWithUtf8,
  describeWithoutUtf8,
  SUMMARIZER,
  TRIAGE,
  WRITER,
  DAY1,
  DAY2,
  DAY3,
  sourceConfig,
  fetchAll,
  metricsOf,
  expectMetrics,
  costsOf,
  runScenarioPrometheus,
} from '../__testUtils__/scenarioSource';

jest.setTimeout(120_000);

runScenarioPrometheus();

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
