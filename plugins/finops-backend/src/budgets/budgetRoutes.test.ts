import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  DayWindow,
  enumerateDays,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'ml',
      namespace: 'default',
      annotations: { 'tollgate.dev/budget': '1000 USD/month' },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/cost-center': 'cc-4100',
        'tollgate.dev/budget': '100 USD/month',
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: {
      type: 'capability',
      owner: 'group:default/ml',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/ml' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'indexer', namespace: 'default' },
    spec: {
      type: 'capability',
      owner: 'group:default/search',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/search' }],
  },
];

/** Spend of each entity today, as the test sets it. */
class TodaySource implements CostSource {
  readonly id = 'today';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };
  spend = new Map<string, bigint>();

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      for (const [entityRef, billedCostMicros] of this.spend) {
        yield outputTokenSpend(day, entityRef, billedCostMicros);
      }
    }
  }
}

async function startBackend(options: { allow?: boolean } = {}) {
  const source = new TodaySource();
  const { server, run, notifications } = await startFinopsTestBackend({
    sources: [source],
    entities,
    allow: options.allow,
  });
  async function ingest(spend: Record<string, bigint>) {
    source.spend = new Map(Object.entries(spend));
    await run('today', todayUtc());
  }
  return { server, ingest, sent: notifications };
}

const summarizer = 'component:default/summarizer';

function check(server: any, entityRef: string, estimatedCost: string) {
  return request(server)
    .get('/api/finops/v1/guardrails/check')
    .query({ entityRef, estimatedCost })
    .set(auth);
}

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
