import { DayWindow, todayUtc } from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';
import { capabilityComponent } from '../__testUtils__/testEntities';

jest.setTimeout(60_000);

const entities = [
  capabilityComponent('summarizer', {
    annotations: { 'tollgate.dev/cost-center': 'cc-4100' },
    ownedByRelation: true,
  }),
  capabilityComponent('indexer', {
    team: 'search',
    lifecycle: 'experimental',
    ownedByRelation: true,
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'website', namespace: 'default' },
    spec: { type: 'website', owner: 'group:default/web' },
  },
];

/** Today: summarizer spends 10 USD on 10,000 requests (1 % errors), indexer 5 USD on 1,000 (20 % errors). */
class TodaySource implements CostSource {
  readonly id = 'today';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    const day = window.to;
    const usage: Array<[string, bigint, number, number]> = [
      ['component:default/summarizer', 10_000_000n, 9_900, 100],
      ['component:default/indexer', 5_000_000n, 800, 200],
    ];
    for (const [entityRef, billedCostMicros, ok, errors] of usage) {
      yield outputTokenSpend(day, entityRef, billedCostMicros);
      for (const [status, value] of [
        ['200', ok],
        ['500', errors],
      ] as const) {
        yield {
          type: 'metric',
          metric: {
            day,
            entityRef,
            metric: 'http.requests',
            labels: { status },
            value,
          },
        };
      }
    }
  }
}

const check = (id: string, pillar: string, metric: string, more: object) => ({
  id,
  pillar,
  metric,
  description: `${id} description`,
  howToFix: `${id} fix`,
  ...more,
});

function scorecards(costPerKPass: number) {
  return [
    {
      id: 'capability-health',
      title: 'Capability health',
      filter: { kinds: ['Component'], types: ['capability'] },
      checks: [
        check('cost-center', 'cost', 'cost-center-labelled', { expect: true }),
        check('unit-cost', 'cost', 'cost-per-1k-requests', {
          direction: 'lower-better',
          thresholds: { pass: costPerKPass, warn: 1.5, fail: 3 },
        }),
        check('owner', 'risk', 'owner-declared', { expect: true }),
        check('errors', 'risk', 'error-rate', {
          direction: 'lower-better',
          thresholds: { pass: 0.02, warn: 0.05, fail: 0.25 },
        }),
        check('latency', 'risk', 'p95-latency-vs-slo', {
          direction: 'lower-better',
          thresholds: { pass: 1, warn: 1.2, fail: 1.5 },
        }),
        check('production', 'velocity', 'lifecycle-production', {
          expect: true,
        }),
        check('growth', 'velocity', 'request-growth', {
          direction: 'higher-better',
          thresholds: { pass: 0.1, warn: 0, fail: -0.2 },
        }),
      ],
    },
  ];
}

async function startBackend(
  options: { costPerKPass?: number; allow?: boolean } = {},
) {
  const { server, run } = await startFinopsTestBackend({
    sources: [new TodaySource()],
    entities,
    config: {
      tollgate: { scorecards: scorecards(options.costPerKPass ?? 0.5) },
    },
    allow: options.allow,
  });
  if (options.allow !== false) await run('today', todayUtc());
  return server;
}

const scorecardPath =
  '/api/finops/v1/entities/component/default/summarizer/scorecard';

describe('scorecard routes', () => {
  it('returns three pillars with values and status, and a missing-data check not applicable', async () => {
    const server = await startBackend();
    const { body } = await request(server)
      .get(scorecardPath)
      .set(auth)
      .expect(200);
    expect(body.entityRef).toBe('component:default/summarizer');
    expect(body.scorecards).toHaveLength(1);
    const [card] = body.scorecards;
    const byId = Object.fromEntries(card.checks.map((c: any) => [c.id, c]));
    expect(byId['cost-center']).toMatchObject({
      value: true,
      status: 'pass',
      score: 100,
    });
    // 10 USD / 10,000 requests = 1.00 per 1,000: between pass 0.5 and warn 1.5
    expect(byId['unit-cost']).toMatchObject({
      status: 'warn',
      score: 75,
      howToFix: 'unit-cost fix',
    });
    expect(byId['unit-cost'].value).toBeCloseTo(1);
    expect(byId.errors).toMatchObject({ value: 0.01, status: 'pass' });
    expect(byId.latency).toMatchObject({
      status: 'notApplicable',
      score: null,
    });
    expect(byId.latency).not.toHaveProperty('value');
    expect(byId.growth).toMatchObject({ status: 'notApplicable' });
    expect(card.pillars).toEqual([
      {
        pillar: 'cost',
        score: 87.5,
        grade: 'B',
        applicableChecks: 2,
        notApplicableChecks: 0,
      },
      {
        pillar: 'risk',
        score: 100,
        grade: 'A',
        applicableChecks: 2,
        notApplicableChecks: 1,
      },
      {
        pillar: 'velocity',
        score: 100,
        grade: 'A',
        applicableChecks: 1,
        notApplicableChecks: 1,
      },
    ]);
    expect(card).toMatchObject({ score: 95.8, grade: 'A', day: todayUtc() });
    expect(card.trend).toEqual([
      {
        day: todayUtc(),
        score: 95.8,
        pillars: { cost: 87.5, risk: 100, velocity: 100 },
      },
    ]);

    const website = await request(server)
      .get('/api/finops/v1/entities/component/default/website/scorecard')
      .set(auth)
      .expect(200);
    expect(website.body.scorecards).toEqual([]);
  });

  it('changes the result when a threshold changes in the config', async () => {
    const server = await startBackend({ costPerKPass: 1 });
    const { body } = await request(server)
      .get(scorecardPath)
      .set(auth)
      .expect(200);
    const unitCost = body.scorecards[0].checks.find(
      (c: any) => c.id === 'unit-cost',
    );
    expect(unitCost).toMatchObject({ status: 'pass', score: 100 });
    expect(body.scorecards[0].pillars[0].score).toBe(100);
  });

  it('orders teams by score on the leaderboard', async () => {
    const server = await startBackend();
    const { body } = await request(server)
      .get('/api/finops/v1/scorecards?groupBy=team')
      .set(auth)
      .expect(200);
    expect(body).toMatchObject({ groupBy: 'team', day: todayUtc() });
    expect(body.items.map((i: any) => i.key)).toEqual(['ml', 'search']);
    expect(body.items[0]).toMatchObject({
      score: 95.8,
      grade: 'A',
      entities: 1,
    });
    expect(body.items[1].score).toBeLessThan(body.items[0].score);

    const byCostCenter = await request(server)
      .get('/api/finops/v1/scorecards?groupBy=costCenter')
      .set(auth)
      .expect(200);
    expect(byCostCenter.body.items.map((i: any) => i.key)).toEqual([
      'cc-4100',
      '(unlabelled)',
    ]);
    const bad = await request(server)
      .get('/api/finops/v1/scorecards?groupBy=owner')
      .set(auth)
      .expect(400);
    expect(bad.body.error.message).toContain('groupBy');
  });

  it('needs the cost and summary read permissions', async () => {
    const server = await startBackend({ allow: false });
    const denied = await request(server)
      .get(scorecardPath)
      .set(auth)
      .expect(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
    await request(server)
      .get('/api/finops/v1/scorecards')
      .set(auth)
      .expect(403);
  });
});
