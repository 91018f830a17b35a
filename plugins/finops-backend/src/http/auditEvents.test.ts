import { mockCredentials } from '@backstage/backend-test-utils';
import { AuditorEvent } from '@backstage/backend-defaults/auditor';
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
  userAuth,
} from '../__testUtils__/startFinopsTestBackend';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';
const alice = {
  Authorization: mockCredentials.user.header('user:default/alice'),
};
/** A service's token, as an external access token's subject names it. */
const gateway = {
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('demo-gateway'),
    targetPluginId: 'finops',
  }),
};

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
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

/** Six dollars of the summarizer's spend each day asked for: past half its budget. */
class HalfBudgetSource implements CostSource {
  readonly id = 'half';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      yield outputTokenSpend(day, SUMMARIZER, 6_000_000n);
    }
  }
}

async function startBackend(options: { allow?: boolean } = {}) {
  const backend = await startFinopsTestBackend({
    entities,
    sources: [new HalfBudgetSource()],
    allow: options.allow,
  });
  // the first budget snapshot is built as the backend starts
  for (let i = 0; options.allow !== false && i < 50; i++) {
    const check = await request(backend.server)
      .get('/api/finops/v1/guardrails/check')
      .query({ entityRef: SUMMARIZER, estimatedCost: '0' })
      .set(userAuth);
    if (check.status === 200) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return backend;
}

/** The ended events (succeeded or failed) of one kind, in order. */
function ended(audits: AuditorEvent[], eventId: string) {
  return audits
    .filter(e => e.eventId === eventId && e.status !== 'initiated')
    .map(e => ({
      status: e.status,
      actorId: e.actor.actorId,
      meta: e.meta,
      request: e.request,
      error: 'error' in e ? e.error.message : undefined,
    }));
}

const teamBudget = {
  scope: { team: 'search' },
  amount: '40.50',
  currency: 'USD',
  period: 'month',
  enforcement: 'hard',
};

describe('audit events', () => {
  it('record who created, replaced and deleted a budget, and what it was', async () => {
    const { server, audits, stop } = await startBackend();
    try {
      const created = await request(server)
        .post('/api/finops/v1/budgets')
        .set(alice)
        .send(teamBudget)
        .expect(201);
      const id = created.body.id;
      await request(server)
        .put(`/api/finops/v1/budgets/${id}`)
        .set(userAuth)
        .send({ ...teamBudget, amount: '100' })
        .expect(200);
      await request(server)
        .delete(`/api/finops/v1/budgets/${id}`)
        .set(alice)
        .expect(204);

      expect(
        audits.filter(e => e.eventId === 'budget-mutate').map(e => e.status),
      ).toEqual([
        'initiated',
        'succeeded',
        'initiated',
        'succeeded',
        'initiated',
        'succeeded',
      ]);
      expect(ended(audits, 'budget-mutate')).toEqual([
        {
          status: 'succeeded',
          actorId: 'user:default/alice',
          meta: {
            actionType: 'create',
            id,
            budget: {
              scope: { team: 'search' },
              amount: '40.50',
              currency: 'USD',
              period: 'month',
              thresholds: [50, 80, 100],
              enforcement: 'hard',
            },
          },
          request: { method: 'POST', url: '/api/finops/v1/budgets' },
          error: undefined,
        },
        expect.objectContaining({
          actorId: 'user:default/mock',
          meta: expect.objectContaining({
            actionType: 'update',
            id,
            previousScope: { team: 'search' },
            budget: expect.objectContaining({ amount: '100.00' }),
          }),
        }),
        expect.objectContaining({
          actorId: 'user:default/alice',
          meta: {
            actionType: 'delete',
            id,
            previousScope: { team: 'search' },
          },
        }),
      ]);
    } finally {
      await stop();
    }
  });

  it('record a refused or invalid budget edit as failed, naming who tried', async () => {
    const { server, audits, stop } = await startBackend({ allow: false });
    try {
      await request(server)
        .post('/api/finops/v1/budgets')
        .set(alice)
        .send({ ...teamBudget, scope: { entityRef: SUMMARIZER } })
        .expect(403);
      await request(server)
        .post('/api/finops/v1/budgets')
        .set(alice)
        .send({ ...teamBudget, amount: 'lots' })
        .expect(400);
      expect(ended(audits, 'budget-mutate')).toEqual([
        expect.objectContaining({
          status: 'failed',
          actorId: 'user:default/alice',
          meta: expect.objectContaining({
            actionType: 'create',
            budget: expect.objectContaining({
              scope: { entityRef: SUMMARIZER },
            }),
          }),
          error: `You are not allowed to do this: permission finops.budget.update is required on ${SUMMARIZER}`,
        }),
        expect.objectContaining({
          status: 'failed',
          actorId: 'user:default/alice',
          error: expect.stringContaining('amount "lots"'),
        }),
      ]);
    } finally {
      await stop();
    }
  });

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
