import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ScorecardDefinition,
  ScorecardResult,
  scoreScorecard,
} from '@tollgate/plugin-finops-common';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
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

const health: ScorecardDefinition = {
  id: 'health',
  title: 'Health',
  filter: {},
  checks: [
    {
      id: 'cost-center',
      pillar: 'cost',
      metric: 'cost-center-labelled',
      thresholds: { type: 'boolean', expected: true },
      weight: 1,
      description: 'Spend is charged back to a cost center.',
      howToFix: 'Add the tollgate.dev/cost-center annotation.',
    },
    {
      id: 'errors',
      pillar: 'risk',
      metric: 'error-rate',
      thresholds: {
        type: 'number',
        direction: 'lower-better',
        pass: 0.01,
        warn: 0.05,
        fail: 0.1,
      },
      weight: 2,
      description: 'Few requests fail.',
      howToFix: 'Look at the failing status codes on the Cost tab.',
    },
  ],
};

function scored(entityRef: string, day: string, errorRate?: number) {
  return scoreScorecard({
    definition: health,
    entityRef,
    day,
    values: { 'cost-center': true, errors: errorRate },
  });
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

    it('reads back every result as it was saved, storing the checks of a day once', async () => {
      const { knex, store } = await createStore();
      const a = 'component:default/a';
      const b = 'component:default/b';
      const saved = [
        scored(a, '2026-12-01', 0.02),
        scored(b, '2026-12-01'),
        scored(a, '2026-12-02', 0.2),
        scored(b, '2026-12-02', 0),
      ];
      await store.save(
        saved.map(r => ({ result: r, team: 'ml' })),
        new Date(),
      );
      expect(await store.entityHistory(a, '2026-12-01')).toEqual([
        saved[0],
        saved[2],
      ]);
      expect((await store.day('2026-12-01')).map(r => r.result)).toEqual(
        expect.arrayContaining([saved[0], saved[1]]),
      );
      expect(saved[1].checks[1]).not.toHaveProperty('value');
      expect((await store.day('2026-12-01'))[1].result.checks[1]).toEqual(
        expect.not.objectContaining({ value: expect.anything() }),
      );
      const rows = await knex('finops_scorecard_results').select('result');
      for (const row of rows) {
        expect(row.result).not.toContain(health.checks[1].description);
      }
      const definitions = await knex('finops_scorecard_definitions').select();
      expect(definitions).toHaveLength(2);
    });

    it('keeps whole a result evaluated with other checks than the rest of its day', async () => {
      const { store } = await createStore();
      const first = scored('component:default/a', '2026-12-01', 0.02);
      const other = scoreScorecard({
        definition: {
          ...health,
          checks: [{ ...health.checks[0], howToFix: 'Ask the FinOps team.' }],
        },
        entityRef: 'component:default/b',
        day: '2026-12-01',
        values: { 'cost-center': false },
      });
      await store.save([{ result: first }, { result: other }], new Date());
      expect(
        await store.entityHistory('component:default/b', '2026-12-01'),
      ).toEqual([other]);
      expect(
        await store.entityHistory('component:default/a', '2026-12-01'),
      ).toEqual([first]);
    });

    it('reads results stored whole, with no checks of their day', async () => {
      const { knex, store } = await createStore();
      const whole = scored('component:default/a', '2026-11-30', 0.02);
      await knex('finops_scorecard_results').insert({
        entity_ref: whole.entityRef,
        scorecard_id: whole.scorecardId,
        day: whole.day,
        score: whole.score,
        result: JSON.stringify(whole),
        evaluated_at: new Date(),
      });
      expect(await store.entityHistory(whole.entityRef, whole.day)).toEqual([
        whole,
      ]);
    });
  },
);
