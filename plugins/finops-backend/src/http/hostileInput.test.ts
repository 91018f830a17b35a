import { todayUtc } from '@tollgate/plugin-finops-common';
import fc from 'fast-check';
import request from 'supertest';
import { userAuth as auth } from '../__testUtils__/startFinopsTestBackend';
import {
  SUMMARIZER,
  startBackend,
  budget,
} from './__testUtils__/startHostileInputBackend';

jest.setTimeout(120_000);

describe('hostile input', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  const today = todayUtc();

  beforeAll(async () => {
    backend = await startBackend();
    await backend.run('scripted', today);
  });
  afterAll(() => backend.stop());

  const post = (body: unknown) =>
    request(backend.server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send(body as object);
  const get = (path: string, query: Record<string, string> = {}) =>
    request(backend.server).get(`/api/finops${path}`).query(query).set(auth);

  it('refuses a budget amount past what is stored exactly, before storing anything', async () => {
    for (const amount of [
      '1e400',
      '1e-9999999',
      '9'.repeat(30),
      12345678901234.123456,
    ]) {
      const refused = await post(budget({ amount })).expect(400);
      expect(refused.body.error.message).toContain('amount');
    }
    const listed = await get('/v1/budgets').expect(200);
    expect(listed.body.items.map((s: any) => s.budget.id)).toEqual([
      `annotation:${SUMMARIZER}`,
    ]);
    // every digit of the largest amount kept, on the way in and out
    const exact = await post(budget({ amount: '8999999999999.123456' })).expect(
      201,
    );
    expect(exact.body.amount).toBe('8999999999999.123456');
    const team = await get('/v1/teams/search/budget').expect(200);
    expect(team.body.budget.amount).toBe('8999999999999.123456');
    await request(backend.server)
      .delete(`/api/finops/v1/budgets/${exact.body.id}`)
      .set(auth)
      .expect(204);
  });

  it('refuses budgets for entities that are missing or carry no spend, and unknown currencies', async () => {
    const missing = await post(
      budget({ scope: { entityRef: 'component:default/typo' } }),
    ).expect(400);
    expect(missing.body.error.message).toContain(
      'scope.entityRef "component:default/typo" is not in the catalog',
    );
    const user = await post(
      budget({ scope: { entityRef: 'user:default/jane' } }),
    ).expect(400);
    expect(user.body.error.message).toContain(
      'is a user, which carries no spend',
    );
    const location = await post(
      budget({ scope: { entityRef: 'location:default/x' } }),
    ).expect(400);
    expect(location.body.error.message).toContain('carries no spend');
    const currency = await post(budget({ currency: 'ABC' })).expect(400);
    expect(currency.body.error.message).toContain(
      'currency "ABC" is not an ISO 4217 currency code',
    );
  });

  it('refuses days beyond the supported years at once, on every route that reads a window', async () => {
    for (const path of [
      '/v1/summary',
      `/v1/entities/component/default/summarizer/cost`,
      `/v1/entities/component/default/summarizer/unit-cost`,
      '/v1/export/focus',
    ]) {
      const started = Date.now();
      const refused = await get(path, {
        from: '9999-12-30',
        to: '9999-12-31',
      }).expect(400);
      expect(refused.body.error.message).toContain('from');
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const run = await request(backend.server)
      .post('/api/finops/v1/sources/scripted/run?from=9999-12-30&to=9999-12-31')
      .set(auth)
      .expect(400);
    expect(run.body.error.message).toContain('2999-12-31');
  });

  it('refuses estimates with huge exponents quickly, and stays responsive', async () => {
    for (const estimatedCost of [
      '1e-9999999',
      '1e9999999',
      `0.${'0'.repeat(5000)}1`,
    ]) {
      const started = Date.now();
      const refused = await get('/v1/guardrails/check', {
        entityRef: SUMMARIZER,
        estimatedCost,
      }).expect(400);
      expect(refused.body.error.message).toContain('estimatedCost');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('never lets an estimate in another currency past a hard budget', async () => {
    const eur = await get('/v1/guardrails/check', {
      entityRef: SUMMARIZER,
      estimatedCost: '1',
      currency: 'EUR',
    }).expect(200);
    expect(eur.body).toMatchObject({ decision: 'deny' });
    expect(eur.body.reason).toContain('kept in USD');
    const unknown = await get('/v1/guardrails/check', {
      entityRef: SUMMARIZER,
      estimatedCost: '1',
      currency: 'XYZ',
    }).expect(400);
    expect(unknown.body.error.message).toContain('currency');
  });

  it('answers any query with 2xx or 4xx, never 5xx, in bounded time', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        today,
        '9999-12-31',
        '1969-12-31',
        '2026-02-30',
        '1e-99999',
        '1e99999',
        '-1',
        'NaN',
        SUMMARIZER,
        'user:default/jane',
        'EUR',
        'USD',
      ),
    );
    const query = fc.record(
      {
        from: value,
        to: value,
        groupBy: value,
        entityRef: value,
        estimatedCost: value,
        currency: value,
        status: value,
      },
      { requiredKeys: [] },
    );
    const path = fc.constantFrom(
      '/v1/summary',
      '/v1/entities/component/default/summarizer/cost',
      '/v1/entities/component/default/summarizer/unit-cost',
      '/v1/entities/component/default/summarizer/budget',
      '/v1/guardrails/check',
      '/v1/alerts',
      '/v1/export/focus',
      '/v1/governance/findings',
    );
    await fc.assert(
      fc.asyncProperty(path, query, async (route, params) => {
        const started = Date.now();
        const response = await get(route, params as Record<string, string>);
        expect(response.status).toBeLessThan(500);
        expect(Date.now() - started).toBeLessThan(5000);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'scope',
            'amount',
            'currency',
            'period',
            'thresholds',
            'enforcement',
            'other',
          ),
          fc.oneof(fc.anything(), value),
        ),
        async body => {
          const response = await post(body).ok(() => true);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(value, value, async (from, to) => {
        const response = await request(backend.server)
          .post('/api/finops/v1/sources/scripted/run')
          .query({ from, to })
          .set(auth)
          .ok(() => true);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
