import { Entity } from '@backstage/catalog-model';
import { todayUtc } from '@tollgate/plugin-finops-common';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';
import { waitForBudgetSnapshot } from '../__testUtils__/waitForBudgetSnapshot';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';
const ROUTER = 'component:default/router';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/ml' },
  };
}

const entities = [
  component('summarizer', {
    'tollgate.dev/budget': '10 USD/month',
    'tollgate.dev/budget-enforcement': 'hard',
    'tollgate.dev/spend-rate-limit': '8 USD/hour',
  }),
  component('router', {}),
];

function event(id: string, entityRef: string, measure: object, extra = {}) {
  return {
    id,
    timestamp: new Date().toISOString(),
    entityRef,
    ...measure,
    ...extra,
  };
}

/** gpt-4o: 1M input tokens 2.50 USD, 100k output tokens 1.00 USD. */
const gpt4o = {
  provider: 'openai',
  model: 'gpt-4o',
  tokens: { input: 1_000_000, output: 100_000 },
};

async function startBackend() {
  // a catalog of its own, which a test may add entities to
  const catalog = [...entities];
  const backend = await startFinopsTestBackend({ entities: catalog });
  await waitForBudgetSnapshot(backend.server, SUMMARIZER);
  return { ...backend, catalog };
}

describe('GET /v1/entities/{kind}/{namespace}/{name}/metering', () => {
  it("answers today's metered spend by model and agent, the open reservations and the spend-rate limit", async () => {
    const { server, stop, catalog } = await startBackend();
    try {
      await request(server)
        .post('/api/finops/v1/usage')
        .set(auth)
        .send({
          events: [
            event('a-1', SUMMARIZER, gpt4o, { agentId: 'triage' }),
            event('a-2', SUMMARIZER, gpt4o, { agentId: 'triage' }),
            event(
              'a-3',
              SUMMARIZER,
              { cost: { amount: '0.40', currency: 'USD' } },
              { sessionId: 's-1' },
            ),
            event('b-1', ROUTER, gpt4o, { agentId: 'router-bot' }),
          ],
        })
        .expect(200);
      const reservation = await request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .set(auth)
        .send({
          entityRef: SUMMARIZER,
          estimatedCost: '0.50',
          agentId: 'triage',
          sessionId: 's-2',
        })
        .expect(200);

      const answer = await request(server)
        .get('/api/finops/v1/entities/component/default/summarizer/metering')
        .set(auth)
        .expect(200);
      expect(answer.body).toEqual({
        entityRef: SUMMARIZER,
        day: todayUtc(),
        currency: 'USD',
        asOf: expect.any(String),
        today: {
          total: '7.40',
          events: 3,
          byModel: [
            { key: 'gpt-4o', cost: '7.00', events: 2 },
            { key: 'Reported cost', cost: '0.40', events: 1 },
          ],
          byAgent: [
            { key: 'triage', cost: '7.00', events: 2 },
            { key: '(no agent)', cost: '0.40', events: 1 },
          ],
        },
        reservations: {
          count: 1,
          total: '0.50',
          open: [
            {
              id: reservation.body.reservationId,
              amount: '0.50',
              currency: 'USD',
              agentId: 'triage',
              sessionId: 's-2',
              createdAt: expect.any(String),
              expiresAt: reservation.body.expiresAt,
            },
          ],
        },
        spendRateLimit: {
          scope: { entityRef: SUMMARIZER },
          limit: '8.00 USD/hour',
          per: 'hour',
          enforcement: 'hard',
          spent: '7.40',
          reserved: '0.50',
          remaining: '0.10',
          utilization: 98.75,
        },
      });

      const quiet = await request(server)
        .get('/api/finops/v1/entities/component/default/router/metering')
        .set(auth)
        .expect(200);
      expect(quiet.body.today.total).toBe('3.50');
      expect(quiet.body.reservations).toEqual({
        count: 0,
        total: '0.00',
        open: [],
      });
      expect(quiet.body.spendRateLimit).toBeUndefined();

      await request(server)
        .get('/api/finops/v1/entities/component/default/nobody/metering')
        .set(auth)
        .expect(404);

      // an entity that joins the catalog after the budget snapshot was taken
      catalog.push(component('newcomer', {}));
      await request(server)
        .post('/api/finops/v1/usage')
        .set(auth)
        .send({
          events: [
            event('n-1', 'Component:default/Newcomer', gpt4o, {
              agentId: 'scout',
            }),
          ],
        })
        .expect(200);
      const newcomer = await request(server)
        .get('/api/finops/v1/entities/component/default/newcomer/metering')
        .set(auth)
        .expect(200);
      expect(newcomer.body.today).toMatchObject({
        total: '3.50',
        byAgent: [{ key: 'scout', cost: '3.50', events: 1 }],
      });
      await request(server)
        .get('/api/finops/v1/entities/component/default/router/metering')
        .expect(401);
    } finally {
      await stop();
    }
  });
});

describe('GET /v1/metering/summary', () => {
  it('answers the calls the guardrail denied and the agents and sessions that spent most', async () => {
    const { server, stop } = await startBackend();
    try {
      await request(server)
        .post('/api/finops/v1/usage')
        .set(auth)
        .send({
          events: [
            event('a-1', SUMMARIZER, gpt4o, {
              agentId: 'triage',
              sessionId: 's-1',
            }),
            event('b-1', ROUTER, gpt4o, {
              agentId: 'triage',
              sessionId: 's-2',
            }),
            event('b-2', ROUTER, gpt4o, { agentId: 'router-bot' }),
            event('b-3', ROUTER, gpt4o, { agentId: 'router-bot' }),
          ],
        })
        .expect(200);
      // past the summarizer's 8 USD/hour: a reservation and a check denied
      await request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .set(auth)
        .send({ entityRef: SUMMARIZER, estimatedCost: '5.00' })
        .expect(200);
      const check = await request(server)
        .get('/api/finops/v1/guardrails/check')
        .query({ entityRef: SUMMARIZER, estimatedCost: '5.00' })
        .set(auth)
        .expect(200);
      expect(check.body.decision).toBe('deny');

      const today = todayUtc();
      const summary = await request(server)
        .get(`/api/finops/v1/metering/summary?from=${today}&to=${today}`)
        .set(auth)
        .expect(200);
      expect(summary.body).toEqual({
        from: today,
        to: today,
        currency: 'USD',
        denials: {
          total: 2,
          byEntity: [
            {
              entityRef: SUMMARIZER,
              count: 2,
              lastAt: expect.any(String),
              lastReason: check.body.reason,
            },
          ],
        },
        topAgents: [
          {
            agentId: 'router-bot',
            cost: '7.00',
            events: 2,
            entityRefs: [ROUTER],
          },
          {
            agentId: 'triage',
            cost: '7.00',
            events: 2,
            entityRefs: [ROUTER, SUMMARIZER],
          },
        ],
        topSessions: [
          {
            sessionId: 's-1',
            agentId: 'triage',
            entityRef: SUMMARIZER,
            cost: '3.50',
            events: 1,
          },
          {
            sessionId: 's-2',
            agentId: 'triage',
            entityRef: ROUTER,
            cost: '3.50',
            events: 1,
          },
        ],
      });
      const bad = await request(server)
        .get('/api/finops/v1/metering/summary?from=yesterday')
        .set(auth)
        .expect(400);
      expect(bad.body.error.message).toContain('from');
    } finally {
      await stop();
    }
  });
});
