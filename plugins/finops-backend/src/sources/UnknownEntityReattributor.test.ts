import {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  DayWindow,
  addDays,
  enumerateDays,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';
import { capabilityComponent } from '../__testUtils__/testEntities';

jest.setTimeout(60_000);

const known: Entity = capabilityComponent('summarizer', {
  annotations: { 'tollgate.dev/cost-center': 'cc-4100' },
});

/** Registered in the catalog only after its spend has been ingested. */
const latecomer: Entity = capabilityComponent('latecomer', {
  annotations: {
    'tollgate.dev/cost-center': 'cc-5100',
    'tollgate.dev/budget': '10 USD/month',
    'tollgate.dev/budget-enforcement': 'hard',
  },
  team: 'data',
});

/** 4 USD a day for the latecomer, named as an export names it, and 1 USD for summarizer. */
class InvoiceSource implements CostSource {
  readonly id = 'invoice';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      yield outputTokenSpend(day, 'Component:latecomer', 4_000_000n);
      yield outputTokenSpend(day, 'component:default/summarizer', 1_000_000n);
    }
  }
}

describe('spend of an entity that joins the catalog after its spend was ingested', () => {
  it('reaches the entity at the next budget snapshot refresh, and leaves unallocated spend', async () => {
    const entities = [known];
    // The mock scheduler runs a task when told to, as one tick of its schedule.
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory(): ServiceFactory;
    };
    const { server, run, stop } = await startFinopsTestBackend({
      sources: [new InvoiceSource()],
      entities,
      features: [scheduler.factory()],
    });
    try {
      const today = todayUtc();
      const from = addDays(today, -1);
      await run('invoice', from, today);
      const period = `from=${from}&to=${today}`;
      const summary = () =>
        request(server)
          .get(`/api/finops/v1/summary?${period}&groupBy=costCenter`)
          .set(auth)
          .expect(200)
          .then(r => r.body);
      const before = await summary();
      expect(before).toMatchObject({ total: '10.00', unallocated: '8.00' });

      entities.push(latecomer);
      await scheduler.triggerTask('finops-budget-snapshot');
      const cost = await request(server)
        .get(
          `/api/finops/v1/entities/component/default/latecomer/cost?${period}`,
        )
        .set(auth)
        .expect(200);
      expect(cost.body.total).toBe('8.00');

      const after = await summary();
      expect(after).toMatchObject({ total: '10.00', unallocated: '0.00' });
      expect(after.groups).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'cc-5100', cost: '8.00' }),
        ]),
      );

      const budget = await request(server)
        .get('/api/finops/v1/entities/component/default/latecomer/budget')
        .set(auth)
        .expect(200);
      // Today's spend and yesterday's if it is in this month.
      const spent = from.slice(0, 7) === today.slice(0, 7) ? '8.00' : '4.00';
      expect(budget.body.own).toMatchObject({ spent });
      const check = await request(server)
        .get('/api/finops/v1/guardrails/check')
        .query({ entityRef: 'component:default/latecomer', estimatedCost: '7' })
        .set(auth)
        .expect(200);
      expect(check.body).toMatchObject({ decision: 'deny' });
    } finally {
      await stop();
    }
  });
});
