import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { userAuth as auth } from '../__testUtils__/startFinopsTestBackend';
import {
  startBackend,
  summarizer,
  check,
} from './__testUtils__/startBudgetBackend';

jest.setTimeout(60_000);

describe('budget, guardrail and alert routes', () => {
  it('denies what would pass a hard budget and warns past 80 percent', async () => {
    const { server, ingest } = await startBackend();
    await ingest({ [summarizer]: 95_000_000n });

    const denied = await check(server, summarizer, '10').expect(200);
    expect(denied.body).toMatchObject({
      decision: 'deny',
      entityRef: summarizer,
      estimatedCost: '10.00',
      currency: 'USD',
      budget: {
        id: `annotation:${summarizer}`,
        enforcement: 'hard',
        amount: '100.00',
        spent: '95.00',
        remaining: '5.00',
        utilizationAfter: 105,
      },
    });
    expect(denied.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect(denied.headers['cache-control']).toBe('no-store');
    expect(denied.body.budget.resetsAt).toMatch(
      /^\d{4}-\d{2}-01T00:00:00.000Z$/,
    );

    const warned = await check(server, summarizer, '1').expect(200);
    expect(warned.body).toMatchObject({
      decision: 'warn',
      budget: { utilizationAfter: 96 },
    });

    const free = await check(
      server,
      'component:default/indexer',
      '1000',
    ).expect(200);
    expect(free.body).toMatchObject({
      decision: 'allow',
      reason: 'No budget covers component:default/indexer; allowed',
    });

    // services call it with their own tokens
    const fromService = await request(server)
      .get('/api/finops/v1/guardrails/check')
      .query({ entityRef: summarizer, estimatedCost: '10' })
      .set('Authorization', mockCredentials.service.header())
      .expect(200);
    expect(fromService.body.decision).toBe('deny');

    await check(server, 'component:default/nobody', '1').expect(404);
    const bad = await check(server, summarizer, 'ten').expect(400);
    expect(bad.body.error.message).toContain('estimatedCost');
    await request(server)
      .get('/api/finops/v1/guardrails/check')
      .query({ entityRef: summarizer, estimatedCost: '1' })
      .expect(401);
  });

  it('notifies the owner once when spend crosses 80 percent, however many ingestions follow', async () => {
    const { server, ingest, sent } = await startBackend();
    await ingest({ [summarizer]: 60_000_000n });
    expect(sent.map(n => n.payload.title)).toEqual([
      `Budget 50% reached: ${summarizer}`,
    ]);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/ml'],
    });

    await ingest({ [summarizer]: 85_000_000n });
    await ingest({ [summarizer]: 86_000_000n });
    await ingest({ [summarizer]: 87_000_000n });
    expect(sent.map(n => n.payload.title)).toEqual([
      `Budget 50% reached: ${summarizer}`,
      `Budget 80% reached: ${summarizer}`,
    ]);

    const alerts = await request(server)
      .get('/api/finops/v1/alerts')
      .query({ entityRef: summarizer, status: 'open' })
      .set(auth)
      .expect(200);
    expect(alerts.body.items.map((a: any) => [a.kind, a.threshold])).toEqual([
      ['actual', 80],
      ['actual', 50],
    ]);
    const acknowledged = await request(server)
      .post(`/api/finops/v1/alerts/${alerts.body.items[0].id}/acknowledge`)
      .set(auth)
      .expect(200);
    expect(acknowledged.body.acknowledgedBy).toBe('user:default/mock');
    const open = await request(server)
      .get('/api/finops/v1/alerts')
      .query({ entityRef: summarizer, status: 'open' })
      .set(auth)
      .expect(200);
    expect(open.body.items).toHaveLength(1);
  });

  it('creates, reads, replaces and deletes a team budget that covers its entities', async () => {
    const { server, ingest } = await startBackend();
    await ingest({ 'component:default/indexer': 30_000_000n });
    const body = {
      scope: { team: 'search' },
      amount: '40.00',
      currency: 'USD',
      period: 'month',
      enforcement: 'hard',
    };
    const created = await request(server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({
      scope: { team: 'search' },
      amount: '40.00',
      thresholds: [50, 80, 100],
      origin: 'api',
      updatedBy: 'user:default/mock',
    });
    await request(server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send(body)
      .expect(409);

    const team = await request(server)
      .get('/api/finops/v1/teams/search/budget')
      .set(auth)
      .expect(200);
    expect(team.body).toMatchObject({ spent: '30.00', utilization: 75 });

    const entity = await request(server)
      .get('/api/finops/v1/entities/component/default/indexer/budget')
      .set(auth)
      .expect(200);
    expect(entity.body.own).toBeUndefined();
    expect(entity.body.inherited).toHaveLength(1);
    expect(entity.body.inherited[0].budget.id).toBe(created.body.id);
    expect(
      (await check(server, 'component:default/indexer', '15')).body.decision,
    ).toBe('deny');

    await request(server)
      .put(`/api/finops/v1/budgets/${created.body.id}`)
      .set(auth)
      .send({ ...body, amount: '100' })
      .expect(200);
    expect(
      (await check(server, 'component:default/indexer', '15')).body.decision,
    ).toBe('allow');

    const list = await request(server)
      .get('/api/finops/v1/budgets')
      .set(auth)
      .expect(200);
    expect(list.body.items.map((s: any) => s.budget.id).sort()).toEqual(
      [
        created.body.id,
        `annotation:${summarizer}`,
        'annotation:group:default/ml',
      ].sort(),
    );

    await request(server)
      .delete(`/api/finops/v1/budgets/${created.body.id}`)
      .set(auth)
      .expect(204);
    await request(server)
      .get('/api/finops/v1/teams/search/budget')
      .set(auth)
      .expect(404);
  });
});
