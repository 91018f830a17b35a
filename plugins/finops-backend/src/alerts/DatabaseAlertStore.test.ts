import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { NewAlert } from './AlertStore';
import { DatabaseAlertStore } from './DatabaseAlertStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function alert(key: string, overrides: Partial<NewAlert> = {}): NewAlert {
  return {
    key,
    kind: 'actual',
    scope: { entityRef: 'component:default/summarizer' },
    budgetId: 'b1',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    threshold: 80,
    title: 'Budget 80% reached',
    description: '80.00 USD spent',
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('DatabaseAlertStore on %p', id => {
  async function createStore() {
    const knex = await databases.init(id);
    await migrateFinopsDatabase({
      getClient: async () => knex,
      migrations: { skip: false },
    } as any);
    return DatabaseAlertStore.fromKnex(knex);
  }

  it('raises each alert once, even when two evaluations race', async () => {
    const store = await createStore();
    const [first, second] = await Promise.all([
      store.raise([alert('a'), alert('b', { threshold: 50 })]),
      store.raise([alert('a'), alert('b', { threshold: 50 })]),
    ]);
    expect(first.length + second.length).toBe(2);
    expect(await store.raise([alert('a')])).toEqual([]);
    const listed = await store.list({});
    expect(listed.map(a => a.threshold).sort()).toEqual([50, 80]);
    expect(listed[0]).toMatchObject({
      kind: 'actual',
      scope: { entityRef: 'component:default/summarizer' },
      budgetId: 'b1',
      periodStart: '2026-11-01',
    });
  });

  it('filters by scope and status, acknowledges and resolves ended periods', async () => {
    const store = await createStore();
    await store.raise([
      alert('a'),
      alert('t', { scope: { team: 'ml' } }),
      alert('old', { periodStart: '2026-10-01', periodEnd: '2026-10-31' }),
    ]);
    expect(await store.list({ scopes: [{ team: 'ml' }] })).toHaveLength(1);
    expect(await store.list({ scopes: [] })).toEqual([]);

    expect(await store.resolveEnded('2026-11-02')).toBe(1);
    const open = await store.list({
      scopes: [{ entityRef: 'component:default/summarizer' }],
      status: 'open',
    });
    expect(open).toHaveLength(1);
    const acknowledged = await store.acknowledge(
      open[0].id,
      'user:default/ana',
    );
    expect(acknowledged).toMatchObject({ acknowledgedBy: 'user:default/ana' });
    expect(await store.list({ status: 'open' })).toHaveLength(1);
    expect(await store.acknowledge('999999', 'x')).toBeUndefined();
    expect(await store.get('not-a-number')).toBeUndefined();
    const resolved = (await store.list({})).find(
      a => a.periodStart === '2026-10-01',
    );
    expect(resolved?.resolvedAt).toBeDefined();
  });
});
