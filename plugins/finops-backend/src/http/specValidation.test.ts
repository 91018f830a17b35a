import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(60_000);

/** Requests the spec refuses never reach a handler: the generated router answers 400. */
describe('the router generated from openapi.yaml', () => {
  let backend: Awaited<ReturnType<typeof startFinopsTestBackend>>;
  beforeAll(async () => {
    backend = await startFinopsTestBackend({});
  });
  afterAll(() => backend.stop());

  const refused = async (path: string) => {
    const response = await request(backend.server)
      .get(`/api/finops${path}`)
      .set(userAuth)
      .expect(400);
    return response.body.error.message as string;
  };

  it('refuses a query parameter the operation does not take, naming the ones it does', async () => {
    // no handler reads unknown parameters: only the spec's validator can refuse this
    expect(await refused('/v1/summary?colour=red')).toBe(
      'Query parameter colour is unknown: this route takes from, to, groupBy',
    );
    expect(await refused('/v1/sources?verbose=1')).toBe(
      'Query parameter verbose is unknown: this route takes none',
    );
  });

  it('refuses a value outside the enum or format of the spec, naming parameter and value', async () => {
    expect(await refused('/v1/scorecards?groupBy=system')).toBe(
      'Query parameter groupBy has invalid value "system": must be equal to one of the allowed values: team, costCenter',
    );
    expect(await refused('/v1/alerts?status=closed')).toBe(
      'Query parameter status has invalid value "closed": must be equal to one of the allowed values: open, all',
    );
    expect(await refused('/v1/unallocated?from=yesterday')).toBe(
      'Query parameter from has invalid value "yesterday": must match format "date"',
    );
  });

  it('refuses the same on the guardrail check, which checks its query itself', async () => {
    expect(
      await refused(
        '/v1/guardrails/check?entityRef=component:default/a&estimatedCost=1&colour=red',
      ),
    ).toBe(
      'Query parameter colour is unknown: this route takes entityRef, estimatedCost, currency',
    );
  });

  it('refuses a missing required parameter and a repeated one', async () => {
    expect(await refused('/v1/guardrails/check?estimatedCost=1')).toBe(
      'Query parameter entityRef is required',
    );
    expect(await refused('/v1/governance/findings?team=ml&team=search')).toBe(
      'Query parameter team was given more than once',
    );
  });

  it('lets entity refs through query parameters unencoded', async () => {
    const response = await request(backend.server)
      .get('/api/finops/v1/alerts?entityRef=component:default/summarizer')
      .set(userAuth);
    expect(response.status).toBe(200);
  });

  it('still asks for credentials before anything else', async () => {
    const response = await request(backend.server).get(
      '/api/finops/v1/summary?colour=red',
    );
    expect(response.status).toBe(401);
  });
});
