import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { DatabaseAlertStore } from '../alerts/DatabaseAlertStore';
import { SpendRateAlerts } from '../alerts/SpendRateAlerts';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { CostedEntity } from '../entities/CostedEntity';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseDenialStore } from './DatabaseDenialStore';
import { DatabaseMeteringStore } from './DatabaseMeteringStore';
import { GuardrailOutcomes } from './GuardrailOutcomes';
import { MeteringService } from './MeteringService';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const REF = 'component:default/looping-agent';
const HOUR = 3_600_000;
/** Each call of the agent costs ten cents. */
const CALL = { kind: 'cost' as const, amountMicros: 100_000n, currency: 'USD' };

const catalogEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'looping-agent', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/agents' },
};

/** 5 USD/hour, hard: room for two and a half times its normal 2 USD an hour. */
const entity: CostedEntity = {
  entityRef: REF,
  ownScope: { entityRef: REF },
  owner: 'group:default/agents',
  spendRefs: [REF],
  spendRateLimit: {
    amountMicros: 5_000_000n,
    currency: 'USD',
    windowMs: HOUR,
    per: 'hour',
    enforcement: 'hard',
  },
};

describe.each(databases.eachSupportedId())(
  'a runaway loop against its spend-rate limit on %p',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      let clock = Date.parse('2027-03-01T08:00:00Z');
      const snapshot = new BudgetSnapshot(
        new Date(clock).toISOString(),
        '2027-03-01',
        [],
        [],
        [entity],
        [catalogEntity],
      );
      const budgets = {
        current: () => snapshot,
        refresh: async () => snapshot,
      } as unknown as BudgetService;
      const logger = mockServices.logger.mock();
      const sent: NotificationSendOptions[] = [];
      const alertStore = DatabaseAlertStore.fromKnex(knex);
      const denials = DatabaseDenialStore.fromKnex(knex);
      const metering = new MeteringService({
        store: DatabaseMeteringStore.fromKnex(knex),
        budgets,
        priceBook: {} as PriceBook,
        logger,
        warnAtPercent: 80,
        currency: 'USD',
        outcomes: new GuardrailOutcomes({
          denials,
          spendRateAlerts: new SpendRateAlerts({
            alertStore,
            notifier: new AlertNotifier({
              notifications: { send: async n => void sent.push(n) },
              logger,
            }),
            logger,
          }),
          budgets,
        }),
        now: () => new Date(clock),
      });
      /** One call of the agent: reserve, and commit what it spent unless denied. */
      async function call() {
        const answer = await metering.reserve({
          entityRef: REF,
          estimateMicros: CALL.amountMicros,
          currency: 'USD',
          ttlSeconds: 60,
          agentId: 'triage-loop',
        });
        if (answer.decision !== 'deny') {
          await metering.commit(answer.reservationId!, CALL);
        }
        return answer;
      }
      /** Calls every `everyMs` for `forMs`; answers the decisions with their times. */
      async function loop(everyMs: number, forMs: number) {
        const decisions: Array<{ at: number; decision: string }> = [];
        for (const end = clock + forMs; clock < end; clock += everyMs) {
          decisions.push({ at: clock, decision: (await call()).decision });
        }
        return decisions;
      }
      const spendRateAlerts = async () =>
        (await alertStore.list({ scopes: [{ entityRef: REF }] })).filter(
          a => a.kind === 'spend-rate',
        );
      return { knex, loop, sent, spendRateAlerts, denials, now: () => clock };
    }

    it('is denied within one window of ten times its normal rate, and alerts once per window', async () => {
      const { loop, sent, spendRateAlerts, denials, now } = await setUp();
      // two hours at its normal rate: a call every three minutes, 2 USD an hour
      const normal = await loop(180_000, 2 * HOUR);
      expect(normal.every(d => d.decision === 'allow')).toBe(true);
      expect(await spendRateAlerts()).toEqual([]);

      // then ten times as often: a call every 18 seconds, 20 USD an hour
      const runawayStart = now();
      const firstHour = await loop(18_000, HOUR);
      const firstDeny = firstHour.find(d => d.decision === 'deny');
      expect(firstDeny).toBeDefined();
      expect(firstDeny!.at - runawayStart).toBeLessThan(HOUR);
      // what passed in the trailing hour never exceeds the 5 USD limit
      const allowedAt = [...normal, ...firstHour]
        .filter(d => d.decision !== 'deny')
        .map(d => d.at);
      for (const at of allowedAt) {
        const inWindow = allowedAt.filter(t => t > at - HOUR && t <= at);
        expect(inWindow.length).toBeLessThanOrEqual(50);
      }
      const denied = firstHour.filter(d => d.decision === 'deny').length;
      expect(denied).toBeGreaterThan(100);

      const [alert, ...more] = await spendRateAlerts();
      expect(more).toEqual([]);
      expect(alert).toMatchObject({
        title: `Spend-rate limit passed: ${REF}`,
        description: expect.stringContaining(
          'against its hard spend-rate limit of 5.00 USD/hour; the guardrail denies its calls',
        ),
      });
      expect(Date.parse(alert.createdAt)).toBe(firstDeny!.at);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: ['group:default/agents'] },
        payload: {
          severity: 'high',
          link: '/catalog/default/component/looping-agent/cost',
        },
      });
      const day = new Date(runawayStart).toISOString().slice(0, 10);
      expect(await denials.summary({ from: day, to: day })).toMatchObject({
        total: denied,
        byEntity: [{ entityRef: REF, count: denied }],
      });

      // still looping in the next window: one more alert, an hour after the first
      await loop(18_000, HOUR);
      const alerts = await spendRateAlerts();
      expect(alerts).toHaveLength(2);
      const [second, first] = alerts;
      expect(
        Date.parse(second.createdAt) - Date.parse(first.createdAt),
      ).toBeGreaterThanOrEqual(HOUR);
      expect(sent).toHaveLength(2);
    });
  },
);
