import request from 'supertest';
import { userAuth } from '../__testUtils__/startFinopsTestBackend';
import {
  SUMMARIZER,
  alice,
  startBackend,
  ended,
  teamBudget,
} from './__testUtils__/startAuditedBackend';

jest.setTimeout(60_000);

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
});
