import { FinopsClient } from './FinopsClient';

function fakeFetch(status: number, body: unknown) {
  const calls: string[] = [];
  const fetchApi = {
    fetch: jest.fn(async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  };
  return { calls, fetchApi };
}

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
});
