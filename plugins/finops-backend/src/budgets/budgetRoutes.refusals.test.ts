import request from 'supertest';
import { userAuth as auth } from '../__testUtils__/startFinopsTestBackend';
import { startBackend, summarizer } from './__testUtils__/startBudgetBackend';

jest.setTimeout(60_000);

describe('budget, guardrail and alert routes', () => {
  it('refuses an API budget where the catalog annotation declares one, and names bad fields', async () => {
    const { server } = await startBackend();
    const conflict = await request(server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send({
        scope: { entityRef: summarizer },
        amount: '5',
        currency: 'USD',
        period: 'month',
      })
      .expect(409);
    expect(conflict.body.error.message).toContain('tollgate.dev/budget');
    const invalid = await request(server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send({
        scope: { team: 'search' },
        amount: 'lots',
        currency: 'USD',
        period: 'week',
      })
      .expect(400);
    expect(invalid.body.error.message).toBe(
      'Invalid budget: amount "lots" is not a positive decimal such as "100.00" of at most 9000000000000 with at most 6 decimals; period "week" is not one of month, quarter, year',
    );
    const entity = await request(server)
      .get('/api/finops/v1/entities/component/default/summarizer/budget')
      .set(auth)
      .expect(200);
    expect(entity.body.own.budget).toMatchObject({
      origin: 'annotation',
      enforcement: 'hard',
    });
    // a Group's annotation is its team's budget, which its capabilities inherit
    expect(entity.body.inherited.map((s: any) => s.budget.scope)).toEqual([
      { team: 'ml' },
    ]);
    const group = await request(server)
      .get('/api/finops/v1/entities/group/default/ml/budget')
      .set(auth)
      .expect(200);
    expect(group.body.own.budget).toMatchObject({
      id: 'annotation:group:default/ml',
      scope: { team: 'ml' },
      amount: '1000.00',
    });
    await request(server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send({
        scope: { team: 'ml' },
        amount: '5',
        currency: 'USD',
        period: 'month',
      })
      .expect(409);
  });

  it('refuses edits without permission with 403 naming it', async () => {
    const { server } = await startBackend({ allow: false });
    const response = await request(server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send({
        scope: { entityRef: 'component:default/indexer' },
        amount: '5',
        currency: 'USD',
        period: 'month',
      })
      .expect(403);
    expect(response.body.error.message).toBe(
      'You are not allowed to do this: permission finops.budget.update is required on component:default/indexer',
    );
    const costCenter = await request(server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send({
        scope: { costCenter: 'cc-4100' },
        amount: '5',
        currency: 'USD',
        period: 'month',
      })
      .expect(403);
    expect(costCenter.body.error.message).toContain(
      'finops.budget.costCenter.update',
    );
  });

  it('refuses every budget route without credentials', async () => {
    const { server } = await startBackend();
    const routes: Array<[string, string]> = [
      ['get', '/api/finops/v1/budgets'],
      ['post', '/api/finops/v1/budgets'],
      ['put', '/api/finops/v1/budgets/x'],
      ['delete', '/api/finops/v1/budgets/x'],
      ['get', '/api/finops/v1/entities/component/default/summarizer/budget'],
      ['get', '/api/finops/v1/teams/search/budget'],
      ['get', '/api/finops/v1/cost-centers/cc-4100/budget'],
      [
        'get',
        `/api/finops/v1/guardrails/check?entityRef=${summarizer}&estimatedCost=1`,
      ],
      ['get', '/api/finops/v1/alerts'],
      ['post', '/api/finops/v1/alerts/1/acknowledge'],
    ];
    for (const [method, path] of routes) {
      const body = {
        scope: { team: 'search' },
        amount: '5',
        currency: 'USD',
        period: 'month',
      };
      const call = (request(server) as any)[method](path);
      const response = await (method === 'post' || method === 'put'
        ? call.send(body)
        : call);
      expect([method, path, response.status]).toEqual([method, path, 401]);
    }
  });
});
