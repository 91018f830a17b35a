import { Entity } from '@backstage/catalog-model';
import { todayUtc } from '@tollgate/plugin-finops-common';
import fc from 'fast-check';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/cost-center': 'cc-4100',
        'tollgate.dev/budget': '10 USD/month',
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: {
      type: 'capability',
      owner: 'group:default/ml',
      lifecycle: 'production',
    },
  },
];

/** gpt-4o at 2.50, 10.00 and 1.25 USD per million input, output and cached tokens. */
function tokensEvent(id: string, overrides: object = {}) {
  return {
    id,
    timestamp: new Date().toISOString(),
    entityRef: SUMMARIZER,
    provider: 'openai',
    model: 'gpt-4o',
    tokens: {
      input: 1_000_000,
      output: 200_000,
      reasoning: 50_000,
      cacheRead: 400_000,
    },
    agentId: 'triage-agent',
    sessionId: 'conversation-1',
    ...overrides,
  };
}

async function startBackend() {
  const backend = await startFinopsTestBackend({ entities });
  const { server } = backend;
  const today = todayUtc();
  // the first budget snapshot is built as the backend starts
  for (let i = 0; i < 50; i++) {
    const check = await request(server)
      .get('/api/finops/v1/guardrails/check')
      .query({ entityRef: SUMMARIZER, estimatedCost: '0' })
      .set(auth);
    if (check.status === 200) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return {
    ...backend,
    report: (events: unknown[]) =>
      request(server).post('/api/finops/v1/usage').set(auth).send({ events }),
    reserve: (body: object) =>
      request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .set(auth)
        .send({ entityRef: SUMMARIZER, ...body }),
    cost: async () =>
      (
        await request(server)
          .get(
            `/api/finops/v1/entities/component/default/summarizer/cost?from=${today}&to=${today}&groupBy=tokenType`,
          )
          .set(auth)
          .expect(200)
      ).body,
  };
}

describe('POST /v1/usage', () => {
  it('prices tokens through the price book, counts an event id once, and the guardrail sees it within a second', async () => {
    const { server, report, cost, stop } = await startBackend();
    try {
      const first = await report([tokensEvent('call-1')]).expect(200);
      expect(first.body).toEqual({ accepted: 1, duplicates: [] });
      const again = await report([
        tokensEvent('call-1'),
        tokensEvent('call-2', { tokens: { input: 400_000 } }),
      ]).expect(200);
      expect(again.body).toEqual({ accepted: 1, duplicates: ['call-1'] });

      const spent = await cost();
      expect(spent.total).toBe('6.50');
      expect(spent.breakdown).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'input', cost: '3.50' }),
          expect.objectContaining({ key: 'output', cost: '2.50' }),
          expect.objectContaining({ key: 'cache-read', cost: '0.50' }),
        ]),
      );

      const started = Date.now();
      let decision;
      do {
        decision = await request(server)
          .get('/api/finops/v1/guardrails/check')
          .query({ entityRef: SUMMARIZER, estimatedCost: '4' })
          .set(auth)
          .expect(200);
      } while (
        decision.body.decision !== 'deny' &&
        Date.now() - started < 1000
      );
      expect(decision.body).toMatchObject({
        decision: 'deny',
        budget: { spent: '6.50' },
      });
    } finally {
      await stop();
    }
  });

  it('refuses a report with a bad event, naming its index and field, and stores none of it', async () => {
    const { report, cost, stop } = await startBackend();
    try {
      const bad = await report([
        tokensEvent('ok-1'),
        tokensEvent('bad-1', { tokens: { input: -5 } }),
      ]).expect(400);
      expect(bad.body.error.message).toBe(
        'events[1].tokens.input -5 is not a whole number of at least 0',
      );
      const unknown = await report([
        tokensEvent('ok-2'),
        tokensEvent('bad-2', { model: 'no-such-model' }),
      ]).expect(400);
      expect(unknown.body.error.message).toContain(
        'events[1].model: the price book has no input price for openai no-such-model',
      );
      const twoMeasures = await report([
        { ...tokensEvent('bad-3'), cost: { amount: '1', currency: 'USD' } },
      ]).expect(400);
      expect(twoMeasures.body.error.message).toBe(
        'events[0] must report exactly one of tokens, calls or cost; it has tokens, cost',
      );
      const future = await report([
        tokensEvent('bad-4', { timestamp: '2999-01-01T00:00:00Z' }),
      ]).expect(400);
      expect(future.body.error.message).toContain('events[0].timestamp');
      expect((await cost()).total).toBe('0.00');
    } finally {
      await stop();
    }
  });
});

describe('GET /v1/prices/models', () => {
  it('answers what the price book charges per million tokens, and 404 for a model it does not know', async () => {
    const { server, stop } = await startBackend();
    try {
      const prices = await request(server)
        .get('/api/finops/v1/prices/models?provider=OpenAI&model=gpt-4o')
        .set(auth)
        .expect(200);
      expect(prices.body).toEqual({
        provider: 'openai',
        model: 'gpt-4o',
        day: todayUtc(),
        currency: 'USD',
        perMillionTokens: {
          input: '2.50',
          output: '10.00',
          'cache-read': '1.25',
        },
      });
      await request(server)
        .get('/api/finops/v1/prices/models?provider=openai&model=no-such-model')
        .set(auth)
        .expect(404);
      await request(server)
        .get('/api/finops/v1/prices/models?provider=openai')
        .set(auth)
        .expect(400);
    } finally {
      await stop();
    }
  });
});

describe('reservations', () => {
  it('hold budget until committed, released or expired, and deny past a hard budget naming what remains', async () => {
    const { server, reserve, cost, stop } = await startBackend();
    try {
      const first = await reserve({
        estimatedCost: '6.00',
        agentId: 'triage-agent',
      }).expect(200);
      expect(first.body).toMatchObject({
        decision: 'allow',
        reservationId: expect.any(String),
        expiresAt: expect.any(String),
      });
      const denied = await reserve({ estimatedCost: '5.00' }).expect(200);
      expect(denied.body).toMatchObject({
        decision: 'deny',
        budget: {
          id: `annotation:${SUMMARIZER}`,
          enforcement: 'hard',
          spent: '6.00',
          remaining: '4.00',
        },
      });
      expect(denied.body.reservationId).toBeUndefined();

      const committed = await request(server)
        .post(
          `/api/finops/v1/guardrails/reservations/${first.body.reservationId}/commit`,
        )
        .set(auth)
        .send({ cost: { amount: '5.25', currency: 'USD' } })
        .expect(200);
      expect(committed.body).toMatchObject({
        status: 'committed',
        amount: '6.00',
        committed: '5.25',
        agentId: 'triage-agent',
      });
      // committing again counts once
      await request(server)
        .post(
          `/api/finops/v1/guardrails/reservations/${first.body.reservationId}/commit`,
        )
        .set(auth)
        .send({ cost: { amount: '5.25', currency: 'USD' } })
        .expect(200);
      expect((await cost()).total).toBe('5.25');

      const second = await reserve({
        estimatedCost: '4.00',
        idempotencyKey: 'agent-step-7',
      }).expect(200);
      expect(second.body.decision).toBe('warn');
      const replayed = await reserve({
        estimatedCost: '4.00',
        idempotencyKey: 'agent-step-7',
      }).expect(200);
      expect(replayed.body).toMatchObject({
        reservationId: second.body.reservationId,
        replayed: true,
      });
      const released = await request(server)
        .delete(
          `/api/finops/v1/guardrails/reservations/${second.body.reservationId}`,
        )
        .set(auth)
        .expect(200);
      expect(released.body.status).toBe('released');
      await request(server)
        .post(
          `/api/finops/v1/guardrails/reservations/${second.body.reservationId}/commit`,
        )
        .set(auth)
        .send({ cost: { amount: '1', currency: 'USD' } })
        .expect(409);

      const short = await reserve({
        estimatedCost: '4.00',
        ttlSeconds: 1,
      }).expect(200);
      expect(short.body.decision).toBe('warn');
      expect((await reserve({ estimatedCost: '1.00' })).body.decision).toBe(
        'deny',
      );
      await new Promise(resolve => setTimeout(resolve, 1100));
      expect((await reserve({ estimatedCost: '1.00' })).body.decision).not.toBe(
        'deny',
      );

      const bad = await reserve({ estimatedCost: 4 }).expect(400);
      expect(bad.body.error.message).toContain(
        'estimatedCost 4 is not a decimal string',
      );
      await reserve({ estimatedCost: '1', currency: 'ABC' }).expect(400);
      await request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .set(auth)
        .send({ entityRef: 'component:default/nobody', estimatedCost: '1' })
        .expect(404);
      await request(server)
        .delete('/api/finops/v1/guardrails/reservations/no-such-id')
        .set(auth)
        .expect(404);
      await request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .send({ entityRef: SUMMARIZER, estimatedCost: '1' })
        .expect(401);
    } finally {
      await stop();
    }
  });
});

describe('a session cap', () => {
  it('denies a reservation that would pass its session cap, counting the session spend and open reservations', async () => {
    const { server, reserve, stop } = await startBackend();
    try {
      const capped = (estimatedCost: string, sessionId = 'loop-1') =>
        reserve({ estimatedCost, sessionId, maxSessionCost: '3.00' }).expect(
          200,
        );
      const first = await capped('2.00');
      expect(first.body).toMatchObject({
        decision: 'allow',
        session: {
          id: 'loop-1',
          cap: '3.00',
          spent: '0.00',
          remaining: '3.00',
        },
      });
      await request(server)
        .post(
          `/api/finops/v1/guardrails/reservations/${first.body.reservationId}/commit`,
        )
        .set(auth)
        .send({ cost: { amount: '2.00', currency: 'USD' } })
        .expect(200);
      const open = await capped('0.50');
      expect(open.body.session).toMatchObject({
        spent: '2.00',
        remaining: '1.00',
      });
      const denied = await capped('0.75');
      expect(denied.body).toMatchObject({
        decision: 'deny',
        reason:
          'Denied: session loop-1 has spent and reserved 2.50 of its cap of 3.00 USD; 0.75 more would pass it',
        session: { spent: '2.50', remaining: '0.50' },
      });
      expect(denied.body.reservationId).toBeUndefined();
      expect((await capped('0.75', 'loop-2')).body.decision).toBe('allow');
      const noSession = await reserve({
        estimatedCost: '1.00',
        maxSessionCost: '3.00',
      }).expect(400);
      expect(noSession.body.error.message).toContain('give its sessionId');
    } finally {
      await stop();
    }
  });
});

describe('a spend-rate limit', () => {
  it('denies a loop that spends past it within the trailing window', async () => {
    const looping: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'looping-agent',
        namespace: 'default',
        annotations: {
          'tollgate.dev/budget': '1000 USD/month',
          'tollgate.dev/budget-enforcement': 'hard',
          'tollgate.dev/spend-rate-limit': '5 USD/hour',
        },
      },
      spec: { type: 'service', owner: 'group:default/agents' },
    };
    const backend = await startFinopsTestBackend({
      entities: [...entities, looping],
    });
    const { server, stop } = backend;
    try {
      const entityRef = 'component:default/looping-agent';
      const reserve = () =>
        request(server)
          .post('/api/finops/v1/guardrails/reservations')
          .set(auth)
          .send({ entityRef, estimatedCost: '0.50' })
          .expect(200);
      // an open reservation counts in the window until it ends
      expect((await reserve()).body.decision).toBe('allow');
      await request(server)
        .post('/api/finops/v1/usage')
        .set(auth)
        .send({
          events: Array.from({ length: 8 }, (_, i) => ({
            id: `loop-${i}`,
            timestamp: new Date().toISOString(),
            entityRef,
            cost: { amount: '0.50', currency: 'USD' },
          })),
        })
        .expect(200);
      const last = await reserve();
      expect(last.body).toMatchObject({
        decision: 'allow',
        spendRateLimit: {
          limit: '5.00 USD/hour',
          spent: '4.00',
          reserved: '0.50',
          utilization: 90,
        },
      });
      const denied = await reserve();
      expect(denied.body).toMatchObject({
        decision: 'deny',
        reason:
          'Denied: component:default/looping-agent has spent and reserved 5.00 in the last hour against its spend-rate limit of 5.00 USD/hour; 0.50 more would pass it',
        spendRateLimit: { enforcement: 'hard', remaining: '0.00' },
      });
      expect(denied.body.reservationId).toBeUndefined();
      // callers that only check are held to the limit too
      const checked = await request(server)
        .get('/api/finops/v1/guardrails/check')
        .query({ entityRef, estimatedCost: '0.50' })
        .set(auth)
        .expect(200);
      expect(checked.body).toMatchObject({
        decision: 'deny',
        spendRateLimit: { remaining: '0.00' },
      });
      // one alert for the window, to the owners, however many calls were denied
      const alerts = await request(server)
        .get('/api/finops/v1/alerts')
        .query({ entityRef })
        .set(auth)
        .expect(200);
      expect(alerts.body.items).toEqual([
        expect.objectContaining({
          kind: 'spend-rate',
          title: 'Spend-rate limit passed: component:default/looping-agent',
        }),
      ]);
      expect(
        backend.notifications.filter(n =>
          n.payload.title.startsWith('Spend-rate limit passed'),
        ),
      ).toEqual([
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['group:default/agents'],
          },
        }),
      ]);
    } finally {
      await stop();
    }
  });
});

describe('hostile usage reports and reservations', () => {
  it('answer any body with 2xx or 4xx, never 5xx', async () => {
    const { server, stop } = await startBackend();
    try {
      const value = fc.oneof(
        fc.anything(),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(
          SUMMARIZER,
          'openai',
          'gpt-4o',
          '1e-99999',
          '9'.repeat(40),
          '2026-11-20T10:00:00Z',
          -1,
          1e300,
          JSON.parse('{"toString":false}'),
        ),
      );
      const fields = fc.dictionary(
        fc.constantFrom(
          'id',
          'timestamp',
          'entityRef',
          'provider',
          'model',
          'tokens',
          'calls',
          'cost',
          'estimatedCost',
          'currency',
          'ttlSeconds',
          'idempotencyKey',
          'agentId',
        ),
        fc.oneof(value, fc.dictionary(fc.string({ maxLength: 10 }), value)),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            '/api/finops/v1/usage',
            '/api/finops/v1/guardrails/reservations',
            '/api/finops/v1/guardrails/reservations/x/commit',
          ),
          fields,
          fc.boolean(),
          async (path, body, wrapped) => {
            const response = await request(server)
              .post(path)
              .set(auth)
              .send(wrapped ? { events: [body] } : body)
              .ok(() => true);
            expect(response.status).toBeLessThan(500);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      await stop();
    }
  });
});
