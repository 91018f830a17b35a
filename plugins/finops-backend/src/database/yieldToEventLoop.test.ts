import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateFinopsDatabase } from './migrateFinopsDatabase';
import { StoredItem } from '../costs/store/CostStore';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function* manyRecords(count: number): AsyncIterable<StoredItem> {
  for (let i = 0; i < count; i++) {
    yield {
      type: 'cost',
      record: {
        day: '2026-11-01',
        entityRef: `component:default/c${i % 500}`,
        provider: 'openai',
        service: 'OpenAI API',
        model: 'gpt-4o',
        dimensionKind: 'tokenType',
        dimension: `d${i % 40}`,
        billedCostMicros: 1n,
        currency: 'USD',
      },
    };
  }
}

describe('a long write on SQLite', () => {
  it('lets timers run while it writes, not only after', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateFinopsDatabase({
      getClient: async () => knex,
      migrations: { skip: false },
    } as any);
    const store = DatabaseCostStore.fromKnex(knex);
    let ticks = 0;
    let writing = true;
    let ticksWhileWriting = 0;
    const timer = setInterval(() => {
      ticks += 1;
      if (writing) ticksWhileWriting += 1;
    }, 1);
    const window = { from: '2026-11-01', to: '2026-11-01' };
    await store.replaceWindow('focus:big', window, manyRecords(100_000));
    writing = false;
    clearInterval(timer);
    // The records' source yields no macrotask of its own: only the writer's turns do.
    expect(ticksWhileWriting).toBeGreaterThan(1);
    expect(ticks).toBe(ticksWhileWriting);
  });
});
