import { BudgetRequest } from './FinopsApi';
import { FinopsClient } from './FinopsClient';

function fakeFetch(status: number, body: unknown) {
  const calls: string[] = [];
  const inits: Array<RequestInit | undefined> = [];
  const fetchApi = {
    fetch: jest.fn(async (url: string, init?: RequestInit) => {
      calls.push(url);
      inits.push(init);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  };
  return { calls, inits, fetchApi };
}

const budgetRequest: BudgetRequest = {
  scope: { entityRef: 'component:default/summarizer' },
  amount: '100.00',
  currency: 'USD',
  period: 'month',
  thresholds: [50, 80, 100],
  enforcement: 'hard',
};

const discoveryApi = {
  getBaseUrl: async (id: string) => `http://backend.test/api/${id}`,
};

describe('FinopsClient', () => {
  it('asks for an entity cost with the window and dimension', async () => {
    const { calls, fetchApi } = fakeFetch(200, { total: '12.50' });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    const result = await client.getEntityCost(
      { kind: 'Component', namespace: 'default', name: 'summarizer' },
      { from: '2026-11-01', to: '2026-11-28', groupBy: 'model' },
    );
    expect(result).toEqual({ total: '12.50' });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/entities/Component/default/summarizer/cost?from=2026-11-01&to=2026-11-28&groupBy=model',
    ]);
  });

  it('asks for an entity unit cost with the window', async () => {
    const { calls, fetchApi } = fakeFetch(200, { spend: '12.50' });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    const result = await client.getEntityUnitCost(
      { kind: 'Component', namespace: 'default', name: 'summarizer' },
      { from: '2026-11-01', to: '2026-11-28' },
    );
    expect(result).toEqual({ spend: '12.50' });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/entities/Component/default/summarizer/unit-cost?from=2026-11-01&to=2026-11-28',
    ]);
  });

  it("asks for an API's upstream pressure with the window", async () => {
    const { calls, fetchApi } = fakeFetch(200, { consumers: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    const result = await client.getEntityUpstream(
      { kind: 'API', namespace: 'default', name: 'openai-api' },
      { from: '2026-11-01', to: '2026-11-28' },
    );
    expect(result).toEqual({ consumers: [] });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/entities/API/default/openai-api/upstream?from=2026-11-01&to=2026-11-28',
    ]);
  });

  it('turns error answers into ResponseErrors with the server message', async () => {
    const { fetchApi } = fakeFetch(400, {
      error: {
        name: 'InputError',
        message: 'Query parameter from has invalid value',
      },
      response: { statusCode: 400 },
    });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(
      client.getSummary({ from: 'x', to: '2026-11-28', groupBy: 'team' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { message: 'Query parameter from has invalid value' } },
    });
  });

  it('unwraps the sources list', async () => {
    const { fetchApi } = fakeFetch(200, { items: [{ id: 'focus:llm' }] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(client.getSources()).resolves.toEqual([{ id: 'focus:llm' }]);
  });

  it('asks for an entity budget', async () => {
    const { calls, fetchApi } = fakeFetch(200, { inherited: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(
      client.getEntityBudget({
        kind: 'Component',
        namespace: 'default',
        name: 'summarizer',
      }),
    ).resolves.toEqual({ inherited: [] });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/entities/Component/default/summarizer/budget',
    ]);
  });

  it('lists budgets', async () => {
    const { calls, fetchApi } = fakeFetch(200, { items: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(client.getBudgets()).resolves.toEqual({ items: [] });
    expect(calls).toEqual(['http://backend.test/api/finops/v1/budgets']);
  });

  it('creates a budget with a JSON body', async () => {
    const { calls, inits, fetchApi } = fakeFetch(201, { id: 'b1' });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(client.createBudget(budgetRequest)).resolves.toEqual({
      id: 'b1',
    });
    expect(calls).toEqual(['http://backend.test/api/finops/v1/budgets']);
    expect(inits[0]).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(inits[0]!.body as string)).toEqual(budgetRequest);
  });

  it('replaces a budget by its id', async () => {
    const { calls, inits, fetchApi } = fakeFetch(200, { id: 'b/1' });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await client.replaceBudget('b/1', budgetRequest);
    expect(calls).toEqual(['http://backend.test/api/finops/v1/budgets/b%2F1']);
    expect(inits[0]?.method).toBe('PUT');
    expect(JSON.parse(inits[0]!.body as string)).toEqual(budgetRequest);
  });

  it('deletes a budget and accepts the empty answer', async () => {
    const { calls, inits, fetchApi } = fakeFetch(204, undefined);
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(client.deleteBudget('b1')).resolves.toBeUndefined();
    expect(calls).toEqual(['http://backend.test/api/finops/v1/budgets/b1']);
    expect(inits[0]?.method).toBe('DELETE');
  });

  it('keeps the server message of a refused budget change', async () => {
    const { fetchApi } = fakeFetch(409, {
      error: {
        name: 'ConflictError',
        message:
          'component:default/summarizer declares its budget in its catalog annotation; change it there',
      },
      response: { statusCode: 409 },
    });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(client.createBudget(budgetRequest)).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { name: 'ConflictError' } },
    });
  });

  it('lists open alerts of an entity and acknowledges one', async () => {
    const { calls, inits, fetchApi } = fakeFetch(200, { items: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await client.getAlerts({
      entityRef: 'component:default/summarizer',
      status: 'open',
    });
    await client.getAlerts({});
    await client.acknowledgeAlert('a1');
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/alerts?entityRef=component%3Adefault%2Fsummarizer&status=open',
      'http://backend.test/api/finops/v1/alerts',
      'http://backend.test/api/finops/v1/alerts/a1/acknowledge',
    ]);
    expect(inits[2]?.method).toBe('POST');
  });

  it('asks for an entity scorecard', async () => {
    const { calls, fetchApi } = fakeFetch(200, { scorecards: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(
      client.getScorecard({
        kind: 'Component',
        namespace: 'default',
        name: 'summarizer',
      }),
    ).resolves.toEqual({ scorecards: [] });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/entities/Component/default/summarizer/scorecard',
    ]);
  });

  it('asks for the scorecard leaderboard by team or cost center', async () => {
    const { calls, fetchApi } = fakeFetch(200, { items: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await client.getScorecardLeaderboard('team');
    await expect(client.getScorecardLeaderboard('costCenter')).resolves.toEqual(
      { items: [] },
    );
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/scorecards?groupBy=team',
      'http://backend.test/api/finops/v1/scorecards?groupBy=costCenter',
    ]);
  });

  it('asks for the live metering of an entity', async () => {
    const { calls, fetchApi } = fakeFetch(200, { today: { total: '1.25' } });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(
      client.getEntityMetering({
        kind: 'Component',
        namespace: 'default',
        name: 'store locator',
      }),
    ).resolves.toEqual({ today: { total: '1.25' } });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/entities/Component/default/store%20locator/metering',
    ]);
  });

  it('asks for the metering summary of a window', async () => {
    const { calls, fetchApi } = fakeFetch(200, { topAgents: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(
      client.getMeteringSummary({ from: '2026-11-01', to: '2026-11-28' }),
    ).resolves.toEqual({ topAgents: [] });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/metering/summary?from=2026-11-01&to=2026-11-28',
    ]);
  });

  it('asks for the reconciliation of a window, of one provider when given', async () => {
    const { calls, fetchApi } = fakeFetch(200, { lines: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    const window = { from: '2026-11-01', to: '2026-11-28' };
    await expect(client.getReconciliation(window)).resolves.toEqual({
      lines: [],
    });
    await client.getReconciliation({ ...window, provider: 'Solora AI' });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/reconciliation?from=2026-11-01&to=2026-11-28',
      'http://backend.test/api/finops/v1/reconciliation?from=2026-11-01&to=2026-11-28&provider=Solora+AI',
    ]);
  });

  it('asks for unallocated spend over a window', async () => {
    const { calls, fetchApi } = fakeFetch(200, { vendorIds: [] });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(
      client.getUnallocatedSpend({ from: '2026-11-01', to: '2026-11-28' }),
    ).resolves.toEqual({ vendorIds: [] });
    expect(calls).toEqual([
      'http://backend.test/api/finops/v1/unallocated?from=2026-11-01&to=2026-11-28',
    ]);
  });

  it('turns a refused metering answer into a ResponseError', async () => {
    const { fetchApi } = fakeFetch(403, {
      error: {
        name: 'NotAllowedError',
        message: 'permission finops.cost.read is required',
      },
      response: { statusCode: 403 },
    });
    const client = new FinopsClient({
      discoveryApi,
      fetchApi: fetchApi as any,
    });
    await expect(
      client.getEntityMetering({
        kind: 'Component',
        namespace: 'default',
        name: 'summarizer',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { name: 'NotAllowedError' } },
    });
  });
});
