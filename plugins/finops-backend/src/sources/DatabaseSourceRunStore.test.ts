import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseSourceRunStore } from './DatabaseSourceRunStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'DatabaseSourceRunStore on %p',
  id => {
    it('marks runs left running by a stopped backend as failed, and no others', async () => {
      const knex = await databases.init(id);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      const store = DatabaseSourceRunStore.fromKnex(knex);
      const window = { from: '2026-11-01', to: '2026-11-04' };
      const done = await store.startRun({
        sourceId: 'focus:a',
        trigger: 'schedule',
        window,
        daysTotal: 4,
      });
      await store.finishRun(done.id, {});
      const killed = await store.startRun({
        sourceId: 'focus:a',
        trigger: 'manual',
        window,
        daysTotal: 4,
      });
      await store.recordProgress(killed.id, 3, 300);

      expect(await store.failInterrupted('interrupted')).toBe(1);
      const { latest, lastSuccess } = await store.latestRuns('focus:a');
      expect(latest).toMatchObject({
        id: killed.id,
        status: 'failed',
        error: 'interrupted',
        daysDone: 3,
      });
      expect(latest?.finishedAt).toBeDefined();
      expect(lastSuccess?.id).toBe(done.id);
      expect(await store.failInterrupted('interrupted')).toBe(0);
    });
  },
);
