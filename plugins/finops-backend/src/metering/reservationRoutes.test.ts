import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';
import {
  SUMMARIZER,
  entities,
  startBackend,
} from './__testUtils__/startMeteringBackend';

jest.setTimeout(60_000);

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
