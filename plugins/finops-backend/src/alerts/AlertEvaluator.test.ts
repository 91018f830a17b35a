import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { enumerateDays } from '@tollgate/plugin-finops-common';
import { StoredItem } from '../costs/store/CostStore';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';
import { BudgetEvaluator } from '../budgets/BudgetEvaluator';
import { DatabaseBudgetStore } from '../budgets/DatabaseBudgetStore';
import { AlertEvaluator } from './AlertEvaluator';
import { AlertNotifier } from './AlertNotifier';
import { DatabaseAlertStore } from './DatabaseAlertStore';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const capability = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'summarizer',
    annotations: { 'tollgate.dev/budget': '100 USD/month' },
  },
  spec: { owner: 'group:default/ml' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/ml' }],
};

async function* items(
  days: string[],
  cost: (day: string) => bigint,
  entityRef = 'component:default/summarizer',
): AsyncIterable<StoredItem> {
  for (const day of days) {
    yield outputTokenSpend(day, entityRef, cost(day));
  }
}

describe.each(databases.eachSupportedId())('AlertEvaluator on %p', id => {
  async function setup() {
    const knex = await databases.init(id);
    await migrateFinopsDatabase({
      getClient: async () => knex,
      migrations: { skip: false },
    } as any);
    const costStore = DatabaseCostStore.fromKnex(knex);
    let now = new Date('2026-11-10T12:00:00Z');
    const sent: NotificationSendOptions[] = [];
    const evaluator = new BudgetEvaluator({
      costStore,
      budgetStore: DatabaseBudgetStore.fromKnex(knex),
      loadEntities: async () => [capability],
      now: () => now,
    });
    const alerts = new AlertEvaluator({
      alertStore: DatabaseAlertStore.fromKnex(knex),
      costStore,
      notifier: new AlertNotifier({
        notifications: { send: async n => void sent.push(n) },
        logger: mockServices.logger.mock(),
      }),
      currency: 'USD',
      anomalyMinIncreaseMicros: 1_000_000n,
      anomalyDays: 1,
    });
    return {
      costStore,
      sent,
      setNow: (iso: string) => {
        now = new Date(iso);
      },
      evaluate: async () => alerts.evaluate(await evaluator.evaluate()),
    };
  }

  it('alerts a forecast crossing before the actual crossing, each once', async () => {
    const { costStore, sent, setNow, evaluate } = await setup();
    // 4.004567 USD a day: on the 10th, 40.05 spent and 120.14 forecast for November.
    const window = { from: '2026-10-13', to: '2026-11-30' };
    await costStore.replaceWindow(
      'test',
      window,
      items(enumerateDays(window), () => 4_004_567n),
    );

    const early = await evaluate();
    expect(early.map(a => `${a.kind}:${a.threshold}`).sort()).toEqual([
      'forecast:100',
      'forecast:50',
      'forecast:80',
    ]);
    expect(sent.map(n => n.payload.title)).toEqual([
      'Forecast to reach 100% of budget: component:default/summarizer',
    ]);
    expect(sent[0].payload.link).toBe(
      '/catalog/default/component/summarizer/cost',
    );
    expect(await evaluate()).toEqual([]);

    setNow('2026-11-13T08:00:00Z'); // 52.06 spent
    const half = await evaluate();
    expect(half.map(a => `${a.kind}:${a.threshold}`)).toEqual(['actual:50']);
    // People read amounts in cents; the API keeps every digit.
    expect(half[0].description).toMatch(
      /^52\.06 USD spent of the advisory budget of 100\.00 USD\/month \(52\.1%\) for 2026-11-01 to 2026-11-30; forecast \d+\.\d\d$/,
    );
    setNow('2026-11-25T08:00:00Z'); // 100.11 spent
    expect(
      (await evaluate()).map(a => `${a.kind}:${a.threshold}`).sort(),
    ).toEqual(['actual:100', 'actual:80']);
    expect(sent.map(n => n.payload.title)).toEqual([
      'Forecast to reach 100% of budget: component:default/summarizer',
      'Budget 50% reached: component:default/summarizer',
      'Budget 100% reached: component:default/summarizer',
    ]);
    expect(await evaluate()).toEqual([]);
  });

  it('alerts a day of anomalous spend on one dimension once', async () => {
    const { costStore, evaluate } = await setup();
    const window = { from: '2026-10-10', to: '2026-11-10' };
    const days = enumerateDays(window);
    // 1.00 USD a day, then 9.00 USD on the 10th.
    await costStore.replaceWindow(
      'test',
      window,
      items(
        days,
        day => (day === '2026-11-10' ? 9_000_000n : 1_000_000n),
        'component:default/other',
      ),
    );
    const raised = await evaluate();
    expect(raised).toEqual([
      expect.objectContaining({
        kind: 'anomaly',
        scope: { entityRef: 'component:default/other' },
        dimension: 'openai/gpt-4o/tokenType:output',
        periodStart: '2026-11-10',
        title:
          'Spend anomaly: component:default/other on openai/gpt-4o/tokenType:output',
        description:
          '9.00 USD on 2026-11-10, against a median of 1.00 USD a day over the 28 days before',
      }),
    ]);
    expect(await evaluate()).toEqual([]);
  });
});
