import {
  SWAGGER_EXAMPLE,
  WEBSITE_EXAMPLE,
  readFixture,
} from './__testUtils__/fixtures';
import {
  DAY,
  component,
  context,
  sourceFor,
  collect,
  totalOf,
  micros,
} from './__testUtils__/openCostSourceTesting';
import { registerReplayServers } from './__testUtils__/replayServers';

describe('OpenCostCostSource', () => {
  const { replay } = registerReplayServers();

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
