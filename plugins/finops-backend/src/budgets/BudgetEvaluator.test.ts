import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';
import { BudgetEvaluator } from './BudgetEvaluator';
import { DatabaseBudgetStore } from './DatabaseBudgetStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer', namespace: 'default' },
    spec: { owner: 'group:default/ml' },
  },
];

describe.each(databases.eachSupportedId())('BudgetEvaluator on %p', id => {
  it('leaves out a stored budget it cannot evaluate, names it, and evaluates the rest', async () => {
    const knex = await databases.init(id);
    await migrateFinopsDatabase({
      getClient: async () => knex,
      migrations: { skip: false },
    } as any);
    const budgetStore = DatabaseBudgetStore.fromKnex(knex);
    const good = await budgetStore.create({
      scope: { team: 'ml' },
      amountMicros: 100_000_000n,
      currency: 'USD',
      period: 'month',
      thresholds: [50, 80, 100],
      enforcement: 'hard',
    });
    const bad = await budgetStore.create({
      scope: { costCenter: 'cc-1' },
      amountMicros: 1n,
      currency: 'USD',
      period: 'month',
      thresholds: [50, 80, 100],
      enforcement: 'hard',
    });
    // as written before amounts and currencies were checked
    await knex('finops_budgets')
      .where('id', bad.id)
      .update({ amount: 0, currency: 'QQQ' });
    const logger = mockServices.logger.mock();
    const snapshot = await new BudgetEvaluator({
      costStore: DatabaseCostStore.fromKnex(knex),
      budgetStore,
      loadEntities: async () => entities,
      logger,
      now: () => new Date('2026-11-20T10:00:00Z'),
    }).evaluate();
    expect(snapshot.statuses.map(s => s.budget.id)).toEqual([good.id]);
    expect(snapshot.invalidBudgets).toEqual([
      {
        id: bad.id,
        scope: { costCenter: 'cc-1' },
        problem:
          'amount 0.00 is not a positive amount of at most 9000000000000',
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      `Budget ${bad.id} is left out: amount 0.00 is not a positive amount of at most 9000000000000`,
    );
  });
});
