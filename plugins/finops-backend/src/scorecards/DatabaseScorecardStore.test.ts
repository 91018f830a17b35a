import { TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardResult } from '@tollgate/plugin-finops-common';
import { migrateFinopsDatabase } from '../database/DatabaseCostStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardQueries } from './ScorecardQueries';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function result(
  entityRef: string,
  day: string,
  score: number,
): ScorecardResult {
  return {
    scorecardId: 'health',
    title: 'Health',
    entityRef,
    day,
    score,
    grade: null,
    pillars: [
      {
        pillar: 'cost',
        score,
        grade: null,
        applicableChecks: 1,
        notApplicableChecks: 0,
      },
      {
        pillar: 'risk',
        score: null,
        grade: null,
        applicableChecks: 0,
        notApplicableChecks: 1,
      },
      {
        pillar: 'velocity',
        score,
        grade: null,
        applicableChecks: 1,
        notApplicableChecks: 0,
      },
    ],
    checks: [],
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseScorecardStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      return { knex, store: DatabaseScorecardStore.fromKnex(knex) };
    }

    it('keeps one row per entity, scorecard and day however often a day is evaluated', async () => {
      const { knex, store } = await createStore();
      const a = 'component:default/a';
      await store.save(
        [{ result: result(a, '2026-12-01', 40), team: 'ml' }],
        new Date(),
      );
      await store.save(
        [{ result: result(a, '2026-12-02', 50), team: 'ml' }],
        new Date(),
      );
      await store.save(
        [{ result: result(a, '2026-12-02', 60), team: 'ml' }],
        new Date(),
      );
      await store.save(
        [
          { result: result(a, '2026-12-02', 65), team: 'ml' },
          { result: result(a, '2026-12-02', 70), team: 'ml' },
        ],
        new Date(),
      );
      const [{ count }] = await knex('finops_scorecard_results').count({
        count: '*',
      });
      expect(Number(count)).toBe(2);
      expect(await store.latestDay()).toBe('2026-12-02');

      const queries = new ScorecardQueries(
        store,
        () => new Date('2026-12-02T12:00:00Z'),
      );
      const { scorecards } = await queries.entityScorecard(
        'Component:default/A',
      );
      expect(scorecards).toHaveLength(1);
      expect(scorecards[0].score).toBe(70);
      expect(scorecards[0].trend).toEqual([
        {
          day: '2026-12-01',
          score: 40,
          pillars: { cost: 40, risk: null, velocity: 40 },
        },
        {
          day: '2026-12-02',
          score: 70,
          pillars: { cost: 70, risk: null, velocity: 70 },
        },
      ]);
    });

    it('ranks teams by the mean score of their entities on the latest day', async () => {
      const { store } = await createStore();
      await store.save(
        [
          {
            result: result('component:default/a', '2026-12-02', 90),
            team: 'ml',
            costCenter: 'cc-1',
          },
          {
            result: result('component:default/b', '2026-12-02', 50),
            team: 'ml',
            costCenter: 'cc-1',
          },
          {
            result: result('component:default/c', '2026-12-02', 80),
            team: 'search',
          },
          { result: result('component:default/d', '2026-12-02', 20) },
        ],
        new Date(),
      );
      const queries = new ScorecardQueries(store);
      const teams = await queries.leaderboard('team');
      expect(
        teams.items.map(i => [i.key, i.score, i.grade, i.entities]),
      ).toEqual([
        ['search', 80, 'B', 1],
        ['ml', 70, 'C', 2],
        ['(unlabelled)', 20, 'F', 1],
      ]);
      expect(teams.items[1].pillars).toEqual({
        cost: 70,
        risk: null,
        velocity: 70,
      });
      const centers = await queries.leaderboard('costCenter');
      expect(centers.items.map(i => i.key)).toEqual(['cc-1', '(unlabelled)']);
    });
  },
);
