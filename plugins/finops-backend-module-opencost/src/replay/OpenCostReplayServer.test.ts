import {
  OpenCostReplayServer,
  startOpenCostReplayServer,
} from '../../replay/OpenCostReplayServer';
import {
  COST_PARTS,
  createDemoAllocations,
  loadRecordedAllocationSets,
} from '../../replay/allocations';

async function get(
  server: OpenCostReplayServer | undefined,
  path: string,
  token?: string,
) {
  const response = await fetch(`${server!.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: await response.json() };
}

function partsTotal(allocation: Record<string, any>): number {
  return COST_PARTS.reduce((sum, field) => sum + (allocation[field] ?? 0), 0);
}

describe('OpenCost replay server', () => {
  let server: OpenCostReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves a recorded set unchanged for a one-day window', async () => {
    const [recorded] = loadRecordedAllocationSets();
    server = await startOpenCostReplayServer({
      allocationsFor: () => recorded!,
    });
    const { status, body } = await get(
      server,
      '/allocation?window=2026-03-01T00:00:00Z,2026-03-02T00:00:00Z&accumulate=true',
    );
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    expect(body.data).toHaveLength(1);
    for (const [name, allocation] of Object.entries(recorded!)) {
      const { window, start, end, ...rest } = body.data[0][name];
      const { window: _w, start: _s, end: _e, ...recordedRest } = allocation;
      expect(rest).toEqual(recordedRest);
      expect(window).toEqual({
        start: '2026-03-01T00:00:00Z',
        end: '2026-03-02T00:00:00Z',
      });
      expect([start, end]).toEqual([window.start, window.end]);
    }
  });

  it('serves one set per day with step=1d, and one accumulated set without', async () => {
    server = await startOpenCostReplayServer({
      allocationsFor: createDemoAllocations({ ids: ['a', 'b'] }),
    });
    const window = 'window=2026-03-01T00:00:00Z,2026-03-04T00:00:00Z';
    const daily = await get(server, `/allocation?${window}&step=1d`);
    expect(daily.body.data).toHaveLength(3);
    const accumulated = await get(server, `/allocation?${window}`);
    expect(accumulated.body.data).toHaveLength(1);
    const sum = daily.body.data.reduce(
      (total: number, set: any) => total + set.a.cpuCost,
      0,
    );
    expect(accumulated.body.data[0].a.cpuCost).toBeCloseTo(sum, 5);
    expect(accumulated.body.data[0].a.minutes).toBe(3 * 1440);
  });

  it('applies includeIdle, idle and shareIdle like OpenCost and Kubecost', async () => {
    server = await startOpenCostReplayServer({
      allocationsFor: createDemoAllocations({ ids: ['a', 'b'] }),
    });
    const window = 'window=2026-03-01T00:00:00Z,2026-03-02T00:00:00Z';
    const names = async (path: string) =>
      Object.keys((await get(server, path)).body.data[0]).sort();
    expect(await names(`/allocation?${window}`)).toEqual([
      '__unallocated__',
      'a',
      'b',
    ]);
    expect(await names(`/allocation?${window}&includeIdle=true`)).toEqual([
      '__idle__',
      '__unallocated__',
      'a',
      'b',
    ]);
    expect(await names(`/model/allocation?${window}`)).toContain('__idle__');
    expect(await names(`/model/allocation?${window}&idle=false`)).not.toContain(
      '__idle__',
    );

    const full = (await get(server, `/allocation?${window}&includeIdle=true`))
      .body.data[0];
    const shared = (
      await get(server, `/allocation?${window}&includeIdle=true&shareIdle=true`)
    ).body.data[0];
    expect(Object.keys(shared)).not.toContain('__idle__');
    const total = (set: Record<string, any>) =>
      Object.values(set).reduce((sum: number, a: any) => sum + a.totalCost, 0);
    expect(total(shared)).toBeCloseTo(total(full), 4);
    expect(shared.a.cpuCost).toBeGreaterThan(full.a.cpuCost);
  });

  it('answers plausible, stable daily allocations whose parts add up', () => {
    const allocationsFor = createDemoAllocations({
      ids: ['summarizer'],
      cluster: 'demo',
    });
    const day = allocationsFor('2026-03-01');
    expect(allocationsFor('2026-03-01')).toEqual(day);
    expect(allocationsFor('2026-03-02').summarizer.totalCost).not.toBe(
      day.summarizer.totalCost,
    );
    for (const allocation of Object.values(day)) {
      expect(allocation.totalCost).toBeCloseTo(partsTotal(allocation), 5);
      expect(allocation.minutes).toBe(1440);
    }
    expect(day.summarizer.properties).toEqual({
      cluster: 'demo',
      labels: { backstage_io_kubernetes_id: 'summarizer' },
    });
    expect(day.__idle__.pvCost).toBe(0);
    expect(day.__idle__.cpuCost).toBeGreaterThan(0);
    expect(() => allocationsFor('March 1')).toThrow('Invalid day March 1');
  });

  it('serves each workload with its labels when asked per controller', async () => {
    server = await startOpenCostReplayServer({
      allocationsFor: createDemoAllocations({
        ids: ['summarizer', 'triage'],
        cluster: 'demo',
        namespace: 'support',
        workloadLabels: {
          summarizer: {
            'tollgate.dev/team': 'support',
            'backstage.io/kubernetes-id': 'ignored, always the id',
          },
        },
      }),
    });
    const window = 'window=2026-03-01T00:00:00Z,2026-03-02T00:00:00Z';
    const byLabel = (
      await get(
        server,
        `/allocation?${window}&aggregate=label:backstage.io/kubernetes-id`,
      )
    ).body.data[0];
    const byWorkload = (
      await get(
        server,
        `/allocation?${window}&aggregate=cluster,namespace,controller`,
      )
    ).body.data[0];

    expect(byLabel.summarizer.properties).toEqual({
      cluster: 'demo',
      labels: {
        tollgate_dev_team: 'support',
        backstage_io_kubernetes_id: 'summarizer',
      },
    });
    expect(Object.keys(byWorkload).sort()).toEqual([
      '__unallocated__',
      'demo/support/deployment:summarizer',
      'demo/support/deployment:triage',
    ]);
    expect(byWorkload['demo/support/deployment:triage'].properties).toEqual({
      cluster: 'demo',
      namespace: 'support',
      controller: 'triage',
      controllerKind: 'deployment',
      labels: { backstage_io_kubernetes_id: 'triage' },
    });
    expect(byWorkload['demo/support/deployment:summarizer'].totalCost).toBe(
      byLabel.summarizer.totalCost,
    );
  });

  it('checks the token, the window and the route', async () => {
    server = await startOpenCostReplayServer({
      allocationsFor: () => ({}),
      token: 'sekret',
    });
    const window = 'window=2026-03-01T00:00:00Z,2026-03-02T00:00:00Z';
    expect((await get(server, `/allocation?${window}`)).status).toBe(401);
    expect((await get(server, `/allocation?${window}`, 'sekret')).status).toBe(
      200,
    );
    const bad = await get(server, '/allocation?window=7d', 'sekret');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("Invalid 'window' parameter");
    expect((await get(server, '/assets', 'sekret')).status).toBe(404);
    expect(server!.requests.map(r => r.status)).toEqual([401, 200, 400, 404]);
  });
});
