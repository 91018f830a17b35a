import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { BudgetInput } from '@tollgate/plugin-finops-common';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseBudgetStore } from './DatabaseBudgetStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const input: BudgetInput = {
  scope: { costCenter: 'cc-4100' },
  amountMicros: 2_500_123_456n,
  currency: 'EUR',
  period: 'quarter',
  thresholds: [75, 100],
  enforcement: 'hard',
};

describe.each(databases.eachSupportedId())('DatabaseBudgetStore on %p', id => {
  async function createStore() {
    const knex = await databases.init(id);
    await migrateFinopsDatabase({
      getClient: async () => knex,
      migrations: { skip: false },
    } as any);
    return DatabaseBudgetStore.fromKnex(knex);
  }

  it('keeps a budget exactly and one per scope', async () => {
    const store = await createStore();
    const created = await store.create(input, 'user:default/ana');
    expect(created).toMatchObject({
      scope: { costCenter: 'cc-4100' },
      amount: '2500.123456',
      currency: 'EUR',
      period: 'quarter',
      thresholds: [75, 100],
      enforcement: 'hard',
      origin: 'api',
      updatedBy: 'user:default/ana',
    });
    expect(new Date(created.updatedAt!).getTime()).toBeGreaterThan(0);
    await expect(store.create(input)).rejects.toThrow(ConflictError);
    await expect(store.create(input)).rejects.toThrow(
      `cost center cc-4100 already has a budget (${created.id})`,
    );

    const replaced = await store.replace(created.id, {
      ...input,
      amountMicros: 1n,
      scope: { team: 'ml' },
    });
    expect(replaced).toMatchObject({
      amount: '0.000001',
      scope: { team: 'ml' },
    });
    expect(await store.list()).toHaveLength(1);
    expect(await store.replace('missing', input)).toBeUndefined();

    const other = await store.create(input);
    await expect(
      store.replace(other.id, { ...input, scope: { team: 'ml' } }),
    ).rejects.toThrow('team ml already has another budget');

    expect(await store.delete(created.id)).toBe(true);
    expect(await store.delete(created.id)).toBe(false);
    expect(await store.get(created.id)).toBeUndefined();
  });
});
