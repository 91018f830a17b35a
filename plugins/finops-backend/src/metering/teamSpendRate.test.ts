import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(60_000);

/** A team whose Group caps the metered spend of all its capabilities together. */
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'agents',
      namespace: 'default',
      annotations: {
        'tollgate.dev/spend-rate-limit': '3 USD/hour',
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: { type: 'team', children: [] },
  },
  ...['planner', 'executor'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: { type: 'service', owner: 'group:default/agents' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/agents' }],
    }),
  ),
];

describe("a Group's spend-rate limit", () => {
  it("caps its team's metered spend and open reservations together, and alerts the team once", async () => {
    const backend = await startFinopsTestBackend({ entities });
    const { server, stop } = backend;
    try {
      const reserve = (name: string, estimatedCost: string) =>
        request(server)
          .post('/api/finops/v1/guardrails/reservations')
          .set(auth)
          .send({ entityRef: `component:default/${name}`, estimatedCost });
      // the first answers wait for the budget snapshot
      for (let i = 0; i < 50; i++) {
        if ((await reserve('planner', '0.00')).status === 200) break;
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      await request(server)
        .post('/api/finops/v1/usage')
        .set(auth)
        .send({
          events: [
            ['planner', '2.00'],
            ['executor', '0.80'],
          ].map(([name, amount], i) => ({
            id: `team-${i}`,
            timestamp: new Date().toISOString(),
            entityRef: `component:default/${name}`,
            cost: { amount, currency: 'USD' },
          })),
        })
        .expect(200);

      const allowed = await reserve('executor', '0.20').expect(200);
      expect(allowed.body).toMatchObject({
        decision: 'allow',
        spendRateLimit: {
          scope: { team: 'agents' },
          limit: '3.00 USD/hour',
          spent: '2.80',
          remaining: '0.20',
        },
      });
      const denied = await reserve('executor', '0.50').expect(200);
      expect(denied.body).toMatchObject({
        decision: 'deny',
        reason:
          'Denied: team agents has spent and reserved 3.00 in the last hour against its spend-rate limit of 3.00 USD/hour; 0.50 more would pass it',
      });
      const checked = await request(server)
        .get('/api/finops/v1/guardrails/check')
        .query({
          entityRef: 'component:default/planner',
          estimatedCost: '0.01',
        })
        .set(auth)
        .expect(200);
      expect(checked.body.decision).toBe('deny');

      const alerts = await request(server)
        .get('/api/finops/v1/alerts')
        .set(auth)
        .expect(200);
      expect(
        alerts.body.items.filter((a: any) => a.kind === 'spend-rate'),
      ).toEqual([
        expect.objectContaining({
          scope: { team: 'agents' },
          title: 'Spend-rate limit passed: team agents',
        }),
      ]);
      expect(
        backend.notifications.filter(n =>
          n.payload.title.startsWith('Spend-rate limit passed'),
        ),
      ).toEqual([
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: ['group:default/agents'] },
        }),
      ]);
      // the capability's own card shows the team's limit, the one it is held to
      const metering = await request(server)
        .get('/api/finops/v1/entities/component/default/executor/metering')
        .set(auth)
        .expect(200);
      expect(metering.body.spendRateLimit).toMatchObject({
        scope: { team: 'agents' },
        spent: '2.80',
        reserved: '0.20',
      });
    } finally {
      await stop();
    }
  });
});
