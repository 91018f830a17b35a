import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  CostRecord,
  DayWindow,
  addDays,
  parseMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import {
  CostSourceFetchContext,
  UsageMetric,
  readWorkloadLabelsMetric,
} from '@tollgate/plugin-finops-node';
import {
  OpenCostReplayServer,
  OpenCostReplayServerOptions,
  startOpenCostReplayServer,
} from '../replay/OpenCostReplayServer';
import { createDemoAllocations } from '../replay/allocations';
import {
  SWAGGER_EXAMPLE,
  WEBSITE_EXAMPLE,
  readFixture,
} from './__testUtils__/fixtures';
import { OpenCostCostSource } from './OpenCostCostSource';
import { OpenCostRequestError } from './client/OpenCostRequestError';
import { readOpenCostSourceConfigs } from './config/readOpenCostSourceConfigs';

const DAY: DayWindow = { from: '2026-03-01', to: '2026-03-01' };

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

function context(
  entities: Entity[] = [],
  signal: AbortSignal = new AbortController().signal,
): CostSourceFetchContext {
  return {
    signal,
    logger: mockServices.logger.mock(),
    entities: async () => entities,
    priceBook: {
      priceTokens: () => undefined,
      priceRequests: () => undefined,
      priceOperation: () => undefined,
    },
  };
}

function sourceFor(
  server: OpenCostReplayServer,
  options: Record<string, unknown> = {},
): OpenCostCostSource {
  const [config] = readOpenCostSourceConfigs(
    new ConfigReader({
      tollgate: {
        sources: {
          opencost: [
            { id: 'test', baseUrl: server.url, timeout: '5s', ...options },
          ],
        },
      },
    }),
  );
  return OpenCostCostSource.fromConfig(config);
}

async function collect(
  source: OpenCostCostSource,
  window: DayWindow,
  ctx: CostSourceFetchContext,
): Promise<CostRecord[]> {
  const records: CostRecord[] = [];
  for await (const item of source.fetch(window, ctx)) {
    if (item.type !== 'cost') {
      throw new Error(`unexpected ${item.type} item`);
    }
    records.push(item.record);
  }
  return records;
}

/** Everything a source yields for a window: cost records and usage metrics. */
async function collectAll(
  source: OpenCostCostSource,
  window: DayWindow,
  ctx: CostSourceFetchContext,
): Promise<{ records: CostRecord[]; metrics: UsageMetric[] }> {
  const records: CostRecord[] = [];
  const metrics: UsageMetric[] = [];
  for await (const item of source.fetch(window, ctx)) {
    if (item.type === 'cost') {
      records.push(item.record);
    } else {
      metrics.push(item.metric);
    }
  }
  return { records, metrics };
}

function totalOf(records: CostRecord[], allocation?: string): bigint {
  return records
    .filter(r => !allocation || r.tags?.['opencost.allocation'] === allocation)
    .reduce((sum, r) => sum + r.billedCostMicros, 0n);
}

function micros(value: unknown): bigint {
  return typeof value === 'number' ? parseMicros(value)! : 0n;
}

/** The allocations the server answered to its nth request. */
function served(server: OpenCostReplayServer, index = 0) {
  return JSON.parse(server.requests[index].body!).data as Array<
    Record<string, Record<string, any>>
  >;
}

describe('OpenCostCostSource', () => {
  const servers: OpenCostReplayServer[] = [];
  async function replay(
    options: Partial<OpenCostReplayServerOptions> = {},
  ): Promise<OpenCostReplayServer> {
    const server = await startOpenCostReplayServer({
      allocationsFor: () => readFixture(WEBSITE_EXAMPLE).data[0],
      ...options,
    });
    servers.push(server);
    return server;
  }
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.close()));
  });

  it('is named after its config and has its schedule', async () => {
    const server = await replay();
    const source = sourceFor(server, { id: 'prod-eu', lookbackDays: 3 });
    expect(source.id).toBe('opencost:prod-eu');
    expect(source.type).toBe('opencost');
    expect(source.schedule.lookbackDays).toBe(3);
  });

  it('records the recorded allocations by resource, adding up to each totalCost', async () => {
    const recorded = readFixture(WEBSITE_EXAMPLE).data[0];
    const server = await replay();
    const records = await collect(
      sourceFor(server, { aggregate: 'namespace' }),
      DAY,
      context(),
    );

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].path).toBe('/allocation');
    expect(server.requests[0].query).toMatchObject({
      window: '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z',
      aggregate: 'namespace',
      accumulate: 'true',
      includeIdle: 'true',
      shareIdle: 'false',
    });
    let expectedTotal = 0n;
    for (const [name, allocation] of Object.entries(recorded)) {
      expect(totalOf(records, name)).toBe(micros(allocation.totalCost));
      expectedTotal += micros(allocation.totalCost);
      const ofAllocation = records.filter(
        r => r.tags?.['opencost.allocation'] === name,
      );
      const cpu = ofAllocation.find(r => r.dimension === 'cpu')!;
      expect(cpu.billedCostMicros).toBe(
        micros(allocation.cpuCost) + micros(allocation.cpuCostAdjustment),
      );
      const ram = ofAllocation.find(r => r.dimension === 'ram')!;
      expect(ram.billedCostMicros).toBe(
        micros(allocation.ramCost) + micros(allocation.ramCostAdjustment),
      );
    }
    expect(totalOf(records)).toBe(expectedTotal);
    for (const record of records) {
      expect(record).toMatchObject({
        day: '2026-03-01',
        provider: 'kubernetes',
        service: 'default-cluster',
        dimensionKind: 'resource',
        currency: 'USD',
        tags: { 'kubernetes.cluster': 'default-cluster' },
      });
    }
  });

  it('attributes by kubernetes-id and label selector, keeps the rest unallocated', async () => {
    const recorded = readFixture(WEBSITE_EXAMPLE).data[0];
    const labelled = {
      ...recorded,
      prometheus: {
        ...recorded.prometheus,
        properties: {
          ...recorded.prometheus.properties,
          labels: {
            app_kubernetes_io_name: 'prometheus',
            app_kubernetes_io_component: 'server',
          },
        },
      },
    };
    const server = await replay({ allocationsFor: () => labelled });
    const records = await collect(
      sourceFor(server, { aggregate: 'namespace', cluster: 'prod-eu' }),
      DAY,
      context([
        component('opencost', { 'backstage.io/kubernetes-id': 'opencost' }),
        component('metrics', {
          'backstage.io/kubernetes-label-selector':
            'app.kubernetes.io/name=prometheus,app.kubernetes.io/component=server',
        }),
        component('unrelated', { 'backstage.io/kubernetes-id': 'billing' }),
      ]),
    );

    const refOf = (name: string) => [
      ...new Set(
        records
          .filter(r => r.tags?.['opencost.allocation'] === name)
          .map(r => r.entityRef),
      ),
    ];
    expect(refOf('opencost')).toEqual(['component:default/opencost']);
    expect(refOf('prometheus')).toEqual(['component:default/metrics']);
    expect(refOf('kube-system')).toEqual([undefined]);
    expect(totalOf(records, 'kube-system')).toBe(
      micros(recorded['kube-system'].totalCost),
    );
    expect(records.every(r => r.service === 'prod-eu')).toBe(true);
    expect(
      records.every(r => r.tags?.['kubernetes.cluster'] === 'prod-eu'),
    ).toBe(true);
  });

  describe('with the default label aggregation', () => {
    const ids = ['summarizer', 'ticket-triage'];
    const entities = [
      component('summarizer', { 'backstage.io/kubernetes-id': 'summarizer' }),
      component('triage', {
        'backstage.io/kubernetes-label-selector':
          'backstage.io/kubernetes-id=ticket-triage',
      }),
    ];

    it('keeps __unallocated__ and __idle__ as unallocated spend', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(sourceFor(server), DAY, context(entities));
      const [set] = served(server);

      expect(server.requests[0].query.aggregate).toBe(
        'label:backstage.io/kubernetes-id',
      );
      expect(Object.keys(set).sort()).toEqual(
        ['__idle__', '__unallocated__', ...ids].sort(),
      );
      for (const [name, allocation] of Object.entries(set)) {
        expect(totalOf(records, name)).toBe(micros(allocation.totalCost));
      }
      const refs = (name: string) =>
        new Set(
          records
            .filter(r => r.tags?.['opencost.allocation'] === name)
            .map(r => r.entityRef),
        );
      expect(refs('summarizer')).toEqual(
        new Set(['component:default/summarizer']),
      );
      expect(refs('ticket-triage')).toEqual(
        new Set(['component:default/triage']),
      );
      expect(refs('__unallocated__')).toEqual(new Set([undefined]));
      expect(refs('__idle__')).toEqual(new Set([undefined]));
      expect(totalOf(records, '__idle__')).toBeGreaterThan(0n);
    });

    it('leaves idle out with idle: ignore, even if the server sends it', async () => {
      const honouring = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(
        sourceFor(honouring, { idle: 'ignore' }),
        DAY,
        context(entities),
      );
      expect(honouring.requests[0].query).toMatchObject({
        includeIdle: 'false',
        shareIdle: 'false',
      });
      expect(Object.keys(served(honouring)[0])).not.toContain('__idle__');

      const ignoring = await replay({
        allocationsFor: createDemoAllocations({ ids }),
        honourIdleParameters: false,
      });
      const again = await collect(
        sourceFor(ignoring, { idle: 'ignore' }),
        DAY,
        context(entities),
      );
      expect(Object.keys(served(ignoring)[0])).toContain('__idle__');
      expect(
        again.some(r => r.tags?.['opencost.allocation'] === '__idle__'),
      ).toBe(false);
      expect(again).toEqual(records);
    });

    it('lets OpenCost share idle with idle: share, losing none of it', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(
        sourceFor(server, { idle: 'share' }),
        DAY,
        context(entities),
      );
      expect(server.requests[0].query).toMatchObject({
        includeIdle: 'true',
        shareIdle: 'true',
      });
      const [set] = served(server);
      expect(Object.keys(set)).not.toContain('__idle__');
      expect(
        records.some(r => r.tags?.['opencost.allocation'] === '__idle__'),
      ).toBe(false);
      const servedTotal = Object.values(set).reduce(
        (sum, a) => sum + micros(a.totalCost),
        0n,
      );
      expect(totalOf(records)).toBe(servedTotal);

      const unshared = createDemoAllocations({ ids })('2026-03-01');
      const summarizerShare =
        totalOf(records, 'summarizer') - micros(unshared.summarizer.totalCost);
      expect(summarizerShare).toBeGreaterThan(0n);
    });

    it('asks one day per request and dates each record by its day', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(
        sourceFor(server),
        { from: '2026-02-27', to: '2026-03-01' },
        context(entities),
      );
      expect(server.requests.map(r => r.query.window)).toEqual([
        '2026-02-27T00:00:00Z,2026-02-28T00:00:00Z',
        '2026-02-28T00:00:00Z,2026-03-01T00:00:00Z',
        '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z',
      ]);
      for (const [index, day] of [
        '2026-02-27',
        '2026-02-28',
        '2026-03-01',
      ].entries()) {
        const ofDay = records.filter(r => r.day === day);
        const dayTotal = Object.values(served(server, index)[0]).reduce(
          (sum, a) => sum + micros(a.totalCost),
          0n,
        );
        expect(totalOf(ofDay)).toBe(dayTotal);
      }
    });

    it('answers the same records when it fetches the same window twice', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const source = sourceFor(server);
      const window = { from: '2026-02-28', to: '2026-03-01' };
      const first = await collect(source, window, context(entities));
      const second = await collect(source, window, context(entities));
      expect(first.length).toBeGreaterThan(0);
      expect(second).toEqual(first);
    });
  });

  describe('workload labels', () => {
    const today = todayUtc();
    const todayWindow = { from: today, to: today };
    const isWorkloadQuery = (request: { query: Record<string, string> }) =>
      request.query.aggregate === 'cluster,namespace,controller';

    it('reads the recorded workloads and keeps their labels for the entity their cost goes to', async () => {
      const recorded = readFixture(WEBSITE_EXAMPLE).data[0];
      const server = await replay();
      const { records, metrics } = await collectAll(
        sourceFor(server, { aggregate: 'namespace' }),
        todayWindow,
        context([
          component('ops', { 'backstage.io/kubernetes-id': 'opencost' }),
          component('metrics', { 'backstage.io/kubernetes-id': 'prometheus' }),
        ]),
      );

      expect(server.requests).toHaveLength(2);
      expect(server.requests[1].query).toMatchObject({
        aggregate: 'cluster,namespace,controller',
        accumulate: 'true',
        includeIdle: 'false',
        shareIdle: 'false',
        includeAggregatedMetadata: 'true',
        window: `${today}T00:00:00Z,${addDays(today, 1)}T00:00:00Z`,
      });
      // the cost is read as before
      expect(totalOf(records)).toBe(
        Object.values(recorded).reduce(
          (sum, a) => sum + micros(a.totalCost),
          0n,
        ),
      );
      // the recorded opencost allocation is one deployment, without labels;
      // prometheus has no controller; kube-system belongs to no entity
      expect(metrics.map(readWorkloadLabelsMetric)).toEqual([
        {
          day: today,
          entityRef: 'component:default/ops',
          workload: 'opencost/deployment:opencost',
          cluster: 'default-cluster',
          labels: {},
        },
        {
          day: today,
          entityRef: 'component:default/metrics',
          workload: 'prometheus/(no controller)',
          cluster: 'default-cluster',
          labels: {},
        },
      ]);
    });

    it('keeps the labels OpenCost reports, per workload and day, for the last days only', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({
          ids: ['summarizer', 'ticket-triage', 'nobody'],
          namespace: 'support',
          workloadLabels: {
            summarizer: {
              'tollgate.dev/cost-center': 'cc-4100',
              'tollgate.dev/team': 'ml',
            },
          },
        }),
      });
      const entities = [
        component('summarizer', {
          'backstage.io/kubernetes-id': 'summarizer',
        }),
        component('triage', {
          'backstage.io/kubernetes-label-selector':
            'backstage.io/kubernetes-id=ticket-triage',
        }),
      ];
      const { metrics } = await collectAll(
        sourceFor(server, { cluster: 'prod-eu', workloadLabelDays: 2 }),
        { from: addDays(today, -3), to: today },
        context(entities),
      );

      expect(server.requests.filter(isWorkloadQuery)).toHaveLength(2);
      expect(server.requests.filter(r => !isWorkloadQuery(r))).toHaveLength(4);
      const seen = metrics.map(readWorkloadLabelsMetric);
      expect(seen.map(m => m?.day)).toEqual([
        addDays(today, -1),
        addDays(today, -1),
        today,
        today,
      ]);
      expect(seen.slice(2)).toEqual([
        {
          day: today,
          entityRef: 'component:default/summarizer',
          workload: 'support/deployment:summarizer',
          cluster: 'prod-eu',
          labels: {
            tollgate_dev_cost_center: 'cc-4100',
            tollgate_dev_team: 'ml',
            backstage_io_kubernetes_id: 'summarizer',
          },
        },
        {
          day: today,
          entityRef: 'component:default/triage',
          workload: 'support/deployment:ticket-triage',
          cluster: 'prod-eu',
          labels: { backstage_io_kubernetes_id: 'ticket-triage' },
        },
      ]);
    });

    it('asks nothing more with workloadLabelDays: 0', async () => {
      const server = await replay();
      const { metrics } = await collectAll(
        sourceFor(server, { aggregate: 'namespace', workloadLabelDays: 0 }),
        todayWindow,
        context([
          component('ops', { 'backstage.io/kubernetes-id': 'opencost' }),
        ]),
      );
      expect(server.requests).toHaveLength(1);
      expect(metrics).toEqual([]);
    });

    it('still stores the cost when OpenCost cannot answer for the workloads', async () => {
      const server = await replay({
        intercept: request =>
          isWorkloadQuery(request)
            ? { status: 400, body: { code: 400, message: 'bad aggregate' } }
            : undefined,
      });
      const ctx = context([
        component('ops', { 'backstage.io/kubernetes-id': 'opencost' }),
      ]);
      const { records, metrics } = await collectAll(
        sourceFor(server, { aggregate: 'namespace' }),
        todayWindow,
        ctx,
      );
      expect(records.length).toBeGreaterThan(0);
      expect(metrics).toEqual([]);
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^opencost:test: could not read workload labels for \d{4}-\d{2}-\d{2}, so label drift for that day is unknown: .*HTTP 400.*bad aggregate/,
        ),
      );
    });

    it('fails when the run is aborted while it reads workload labels', async () => {
      const controller = new AbortController();
      const server = await replay({
        intercept: request => {
          if (!isWorkloadQuery(request)) {
            return undefined;
          }
          controller.abort(new Error('backend shutting down'));
          return { delayMs: 2_000 };
        },
      });
      await expect(
        collectAll(
          sourceFor(server, { aggregate: 'namespace' }),
          todayWindow,
          context([], controller.signal),
        ),
      ).rejects.toThrow(/was aborted: backend shutting down$/);
    });
  });

  it('sends the bearer token', async () => {
    const server = await replay({ token: 'sekret' });
    await collect(sourceFor(server, { token: 'sekret' }), DAY, context());
    expect(server.requests[0].headers.authorization).toBe('Bearer sekret');

    await expect(collect(sourceFor(server), DAY, context())).rejects.toThrow(
      /failed with HTTP 401 .*bearer token/,
    );
  });

  it('reads Kubecost from /model/allocation', async () => {
    const recorded = readFixture(SWAGGER_EXAMPLE).data[0];
    const server = await replay({ allocationsFor: () => recorded });
    const records = await collect(
      sourceFor(server, { flavor: 'kubecost', aggregate: 'namespace' }),
      DAY,
      context(),
    );
    expect(server.requests[0].path).toBe('/model/allocation');
    expect(server.requests[0].query).toMatchObject({
      idle: 'true',
      shareIdle: 'false',
      accumulate: 'true',
    });
    expect(server.requests[0].query.includeIdle).toBeUndefined();
    for (const [name, allocation] of Object.entries(recorded)) {
      expect(totalOf(records, name)).toBe(micros(allocation.totalCost));
    }
    expect(records.every(r => r.service === 'cluster-one')).toBe(true);
  });

  describe('fails with a clear error', () => {
    const window = '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z';

    async function failure(
      intercept: OpenCostReplayServerOptions['intercept'],
      options: Record<string, unknown> = {},
      signal?: AbortSignal,
    ): Promise<OpenCostRequestError> {
      const server = await replay({ intercept });
      const error = await collect(
        sourceFor(server, options),
        DAY,
        context([], signal),
      ).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(OpenCostRequestError);
      expect(error.message).toContain(`GET ${server.url}/allocation?window=`);
      expect(decodeURIComponent(error.message)).toContain(window);
      return error;
    }

    it('on HTTP 500', async () => {
      const error = await failure(() => ({
        status: 500,
        body: { code: 500, message: 'Error: Prometheus unreachable' },
      }));
      expect(error.status).toBe(500);
      expect(error.message).toMatch(
        /failed with HTTP 500 Internal Server Error: .*Prometheus unreachable/,
      );
    });

    it('on a timeout', async () => {
      const error = await failure(() => ({ delayMs: 2_000 }), {
        timeout: { milliseconds: 100 },
      });
      expect(error.message).toMatch(/timed out after 100 ms$/);
    });

    it('when the run is aborted', async () => {
      const controller = new AbortController();
      const error = await failure(
        () => {
          controller.abort(new Error('backend shutting down'));
          return { delayMs: 2_000 };
        },
        {},
        controller.signal,
      );
      expect(error.message).toMatch(/was aborted: backend shutting down$/);
    });

    it('on a body that is not JSON', async () => {
      const error = await failure(() => ({
        status: 200,
        body: '<html>login</html>',
        contentType: 'text/html',
      }));
      expect(error.message).toMatch(
        /\(HTTP 200\) is not JSON: <html>login<\/html>$/,
      );
    });

    it('on a malformed body', async () => {
      const error = await failure(() => ({
        body: { code: 200, data: [{ web: { cpuCost: 'NaN', totalCost: 1 } }] },
      }));
      expect(error.message).toMatch(
        /\(HTTP 200\) is malformed: data\[0\]\["web"\]\.cpuCost is "NaN", expected a number$/,
      );
    });

    it('on code 500 in a 200 answer', async () => {
      const error = await failure(() => ({
        body: { code: 500, status: 'error', message: 'ETL not built' },
      }));
      expect(error.message).toMatch(
        /answered HTTP 200 with code 500: ETL not built$/,
      );
    });

    it('on a refused connection', async () => {
      const server = await replay();
      const source = sourceFor(server);
      await server.close();
      servers.splice(servers.indexOf(server), 1);
      await expect(collect(source, DAY, context())).rejects.toThrow(
        /OpenCost request GET .* failed: fetch failed \(.*ECONNREFUSED.*\)$/,
      );
    });
  });

  it('refuses a malformed window', async () => {
    const server = await replay();
    await expect(
      collect(
        sourceFor(server),
        { from: '2026-03-02', to: '2026-03-01' },
        context(),
      ),
    ).rejects.toThrow(
      'Invalid window 2026-03-02..2026-03-01: from is after to',
    );
    await expect(
      collect(
        sourceFor(server),
        { from: '2026-02-30', to: '2026-03-01' },
        context(),
      ),
    ).rejects.toThrow('Invalid window.from "2026-02-30"');
    expect(server.requests).toHaveLength(0);
  });
});
