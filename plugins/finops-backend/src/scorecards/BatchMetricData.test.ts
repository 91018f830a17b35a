import { Entity } from '@backstage/catalog-model';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  CostDimensionKind,
  CostGroupBy,
  CostRecord,
  addDays,
  enumerateDays,
} from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { toCostedEntity } from '../entities/CostedEntity';
import { readDemoScorecards } from './__testUtils__/readDemoScorecards';
import { StoredItem } from '../costs/store/CostStore';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';
import { BatchMetricData } from './BatchMetricData';
import { builtInScorecardMetrics } from './metrics';
import { lastDays, previousDays } from './metrics/metricWindows';
import { ScorecardEvaluator } from './ScorecardEvaluator';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const AS_OF = '2026-12-31';
const ref = (name: string) => `component:default/${name}`;

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'capability', lifecycle: 'production', owner: 'ml' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/ml' }],
  };
}

/** A capability made of parts: its spend covers theirs. */
const suite: Entity = {
  ...component('suite', { 'tollgate.dev/latency-slo': '500ms' }),
  relations: [
    { type: 'hasPart', targetRef: ref('chat') },
    { type: 'hasPart', targetRef: ref('search') },
  ],
};
const entities = [
  component('chat', {
    'tollgate.dev/team': 'ml',
    'tollgate.dev/latency-slo': '800ms',
  }),
  component('search', { 'tollgate.dev/cost-center': 'cc-1' }),
  suite,
  component('idle'),
];

function cost(
  day: string,
  name: string | undefined,
  record: Partial<CostRecord>,
): StoredItem {
  return {
    type: 'cost',
    record: {
      day,
      entityRef: name ? ref(name) : undefined,
      team: 'ml',
      provider: 'openai',
      service: 'OpenAI API',
      model: 'gpt-4o',
      dimensionKind: 'tokenType',
      dimension: 'input',
      quantity: 1_000_000n,
      unit: 'tokens',
      billedCostMicros: 1_000_000n,
      currency: 'USD',
      ...record,
    },
  };
}

function metric(
  day: string,
  name: string,
  metricName: string,
  value: number,
  labels?: Record<string, string>,
): StoredItem {
  return {
    type: 'metric',
    metric: {
      day,
      entityRef: ref(name),
      metric: metricName,
      value,
      ...(labels ? { labels } : {}),
    },
  };
}

/** Sixty days of spend and usage with the cases grouping must keep apart. */
async function* dataset(): AsyncIterable<StoredItem> {
  const days = enumerateDays({ from: addDays(AS_OF, -59), to: AS_OF });
  for (const [d, day] of days.entries()) {
    const micros = (n: number) => BigInt(n * (d + 1));
    yield cost(day, 'chat', { billedCostMicros: micros(1_000_003) });
    yield cost(day, 'chat', {
      dimension: 'cache-read',
      quantity: 3_000_000n,
      billedCostMicros: micros(250_001),
    });
    yield cost(day, 'chat', {
      provider: 'anthropic',
      model: 'claude-sonnet-4',
      dimension: 'output',
      billedCostMicros: micros(700_000),
    });
    // Another unit on the same key: the breakdown keeps no quantity for it.
    yield cost(day, 'chat', {
      dimension: 'output',
      quantity: 42_000_000n,
      unit: 'characters',
      billedCostMicros: 1_000_000n,
    });
    yield cost(day, 'chat', { currency: 'EUR', billedCostMicros: 9n });
    // Spend without a unit, and a tie with chat's anthropic spend on some days.
    yield cost(day, 'search', {
      provider: 'algolia',
      service: 'Algolia',
      model: undefined,
      dimensionKind: 'operation',
      dimension: 'query',
      quantity: undefined,
      unit: undefined,
      billedCostMicros: micros(700_000),
    });
    if (d % 3 === 0) {
      yield cost(day, 'suite', { billedCostMicros: 123_457n });
    }
    yield cost(day, undefined, { billedCostMicros: 5_000_000n });
    for (const name of ['chat', 'search', 'suite']) {
      yield metric(day, name, 'http.requests', 1000 + d * 7, {
        status: '200',
      });
      yield metric(day, name, 'http.requests', d % 4, { status: '503' });
      // Several fractional values a day: their order decides the last bit of a mean.
      yield metric(day, name, 'http.latency.p95', 0.1 + d / 30);
      yield metric(day, name, 'http.latency.p95', 0.7 / (d + 3));
    }
    yield metric(day, 'chat', 'upstream.requests', 90, { status: '429' });
    yield metric(day, 'chat', 'outcomes', 3 + (d % 5));
  }
}

/** Kubernetes spend of another source, on some of the same entities. */
async function* clusterDataset(): AsyncIterable<StoredItem> {
  const days = enumerateDays({ from: addDays(AS_OF, -59), to: AS_OF });
  for (const [d, day] of days.entries()) {
    for (const name of ['search', 'suite']) {
      yield cost(day, name, {
        provider: 'kubernetes',
        service: 'cluster',
        model: undefined,
        dimensionKind: 'resource',
        dimension: d % 2 ? 'cpu' : 'memory',
        quantity: 2_000_000n,
        unit: d % 2 ? 'core-hours' : 'GiB-hours',
        billedCostMicros: 400_000n,
      });
    }
  }
}

describe.each(databases.eachSupportedId())(
  'BatchMetricData on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      const costStore = DatabaseCostStore.fromKnex(knex);
      const window = { from: addDays(AS_OF, -59), to: AS_OF };
      await costStore.replaceWindow('mixed', window, dataset());
      await costStore.replaceWindow('cluster', window, clusterDataset());
      return costStore;
    }

    const windows = [
      lastDays(AS_OF, 7),
      lastDays(AS_OF, 30),
      previousDays(AS_OF, 30),
    ];
    const groupings: Array<[CostGroupBy, CostDimensionKind | undefined]> = [
      ['source', undefined],
      ['model', undefined],
      ['provider', 'tokenType'],
      ['tokenType', undefined],
      ['operation', undefined],
      ['resource', undefined],
      ['model', 'resource'],
    ];

    it('answers each entity as the queries of that entity alone do', async () => {
      const costStore = await createStore();
      const budgeted = entities.map(toCostedEntity);
      expect(budgeted[2].spendRefs).toEqual([
        ref('suite'),
        ref('chat'),
        ref('search'),
      ]);
      const batch = new BatchMetricData({
        costStore,
        currency: 'USD',
        entityRefs: [...new Set(budgeted.flatMap(b => b.spendRefs))],
      });
      for (const { spendRefs: entityRefs } of budgeted) {
        for (const window of windows) {
          const daily = new Map<string, bigint>();
          for (const row of await costStore.entityDaily({
            entityRefs,
            window,
            groupBy: 'source',
            currency: 'USD',
          })) {
            daily.set(row.day, (daily.get(row.day) ?? 0n) + row.costMicros);
          }
          expect([...(await batch.dailySpend(entityRefs, window))]).toEqual([
            ...daily,
          ]);
          for (const [groupBy, dimensionKind] of groupings) {
            expect(
              await batch.costBy(entityRefs, groupBy, window, dimensionKind),
            ).toEqual(
              await costStore.entityBreakdown({
                entityRefs,
                window,
                groupBy,
                currency: 'USD',
                dimensionKind,
              }),
            );
          }
          for (const name of [
            'http.requests',
            'http.latency.p95',
            'outcomes',
          ]) {
            const alone: UsageMetric[] = await costStore.usageMetrics({
              entityRefs,
              window,
              metrics: [name],
            });
            expect(await batch.usage(entityRefs, name, window)).toEqual(alone);
          }
        }
      }
    });

    it('scores the demo scorecard the same in one batch as entity by entity', async () => {
      const costStore = await createStore();
      const snapshot = new BudgetSnapshot(
        `${AS_OF}T12:00:00.000Z`,
        AS_OF,
        [],
        [],
        entities.map(toCostedEntity),
        entities,
      );
      const evaluate = (maxBatchRefs?: number) =>
        new ScorecardEvaluator({
          definitions: readDemoScorecards,
          metrics: builtInScorecardMetrics({
            anomalyMinIncreaseMicros: 1_000_000n,
          }),
          costStore,
          store: { save: async () => {} } as any,
          currency: 'USD',
          logger: mockServices.logger.mock(),
          maxBatchRefs,
        }).evaluate(snapshot);
      const together = await evaluate();
      expect(together).toHaveLength(4);
      const chat = together[0].result.checks;
      expect(chat.find(c => c.id === 'cache')?.value).toBeCloseTo(0.75);
      expect(chat.find(c => c.id === 'growth')?.value).toBeGreaterThan(0);
      expect(
        together[3].result.checks.filter(c => c.status !== 'notApplicable'),
      ).toHaveLength(4);
      expect(await evaluate(1)).toEqual(together);
    });
  },
);
