import { todayUtc } from '@tollgate/plugin-finops-common';
import request from 'supertest';
import { userAuth } from '../__testUtils__/startFinopsTestBackend';
import {
  SUMMARIZER,
  alice,
  gateway,
  startBackend,
  ended,
} from './__testUtils__/startAuditedBackend';

jest.setTimeout(60_000);

describe('audit events', () => {
  it('record a manual source run and an alert acknowledgement with who did them', async () => {
    const { server, audits, stop } = await startBackend();
    try {
      const today = todayUtc();
      const run = await request(server)
        .post(`/api/finops/v1/sources/half/run?from=${today}&to=${today}`)
        .set(alice)
        .expect(200);
      await request(server)
        .post(`/api/finops/v1/sources/nope/run?from=${today}&to=${today}`)
        .set(gateway)
        .expect(404);
      expect(ended(audits, 'source-run')).toEqual([
        expect.objectContaining({
          status: 'succeeded',
          actorId: 'user:default/alice',
          meta: {
            sourceId: 'half',
            window: { from: today, to: today },
            runId: run.body.id,
            status: 'succeeded',
          },
        }),
        expect.objectContaining({
          status: 'failed',
          actorId: 'demo-gateway',
          meta: { sourceId: 'nope' },
          error: 'No cost source nope; configured sources: half',
        }),
      ]);

      const alerts = await request(server)
        .get('/api/finops/v1/alerts')
        .query({ entityRef: SUMMARIZER, status: 'open' })
        .set(userAuth)
        .expect(200);
      expect(alerts.body.items).toHaveLength(1);
      const alertId = alerts.body.items[0].id;
      await request(server)
        .post(`/api/finops/v1/alerts/${alertId}/acknowledge`)
        .set(alice)
        .expect(200);
      await request(server)
        .post('/api/finops/v1/alerts/999999/acknowledge')
        .set(alice)
        .expect(404);
      expect(ended(audits, 'alert-acknowledge')).toEqual([
        expect.objectContaining({
          status: 'succeeded',
          actorId: 'user:default/alice',
          meta: { id: String(alertId), scope: { entityRef: SUMMARIZER } },
        }),
        expect.objectContaining({
          status: 'failed',
          actorId: 'user:default/alice',
          error: 'No alert 999999',
        }),
      ]);
    } finally {
      await stop();
    }
  });

  it('record guardrail denials of checks and reservations with the caller, and nothing for what is allowed', async () => {
    const { server, audits, stop } = await startBackend();
    try {
      const allowed = await request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .set(gateway)
        .send({ entityRef: SUMMARIZER, estimatedCost: '2.00' })
        .expect(200);
      expect(allowed.body.decision).toBe('allow');
      const reserved = await request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .set(gateway)
        .send({
          entityRef: SUMMARIZER,
          estimatedCost: '9.00',
          agentId: 'triage-agent',
          sessionId: 'conversation-1',
        })
        .expect(200);
      expect(reserved.body.decision).toBe('deny');
      const checked = await request(server)
        .get('/api/finops/v1/guardrails/check')
        .query({ entityRef: SUMMARIZER, estimatedCost: '12.5' })
        .set(alice)
        .expect(200);
      expect(checked.body.decision).toBe('deny');

      expect(ended(audits, 'guardrail-denial')).toEqual([
        {
          status: 'failed',
          // a reservation carries credentials, not the request: the caller is in meta
          actorId: 'plugin:finops',
          meta: {
            queryType: 'reservation',
            entityRef: SUMMARIZER,
            estimatedCost: '9.00',
            currency: 'USD',
            principal: 'demo-gateway',
            agentId: 'triage-agent',
            sessionId: 'conversation-1',
          },
          request: undefined,
          error: reserved.body.reason,
        },
        expect.objectContaining({
          meta: {
            queryType: 'check',
            entityRef: SUMMARIZER,
            estimatedCost: '12.50',
            currency: 'USD',
            principal: 'user:default/alice',
          },
          error: checked.body.reason,
        }),
      ]);
    } finally {
      await stop();
    }
  });
});
