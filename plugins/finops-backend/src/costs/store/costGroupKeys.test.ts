import {
  COST_GROUP_BYS,
  CostGroupBy,
  CostRecord,
  formatMicros,
} from '@tollgate/plugin-finops-common';
import { costQueryService } from './__testUtils__/costQueryService';
import { StoredItem } from './CostStore';
import { costGroupKey } from './costGroupKeys';
import { describeOnEachDatabase } from './__testUtils__/costStoreTesting';

jest.setTimeout(60_000);

const TRIAGE = 'component:default/ticket-triage';
const D1 = '2026-11-01';
const D2 = '2026-11-02';
const window = { from: D1, to: D2 };

function spend(record: Partial<CostRecord> & { day: string }): StoredItem {
  return {
    type: 'cost',
    record: {
      entityRef: TRIAGE,
      provider: 'anthropic',
      service: 'Anthropic API',
      dimensionKind: 'usage',
      dimension: 'usage',
      billedCostMicros: 0n,
      currency: 'USD',
      ...record,
    },
  };
}

/** Spend of ticket-triage as the demo's sources store it. */
const SOURCES: Record<string, StoredItem[]> = {
  // the AI provider invoice: tokens of a model, named by the triage agent
  'focus:ai-providers': [D1, D2].flatMap(day => [
    spend({
      day,
      model: 'claude-3-5-haiku-20241022',
      dimensionKind: 'tokenType',
      dimension: 'input',
      quantity: 14_000_000_000_000n,
      unit: 'Tokens',
      billedCostMicros: 11_200_001n,
      tags: { 'gen_ai.agent.id': 'triage-agent' },
    }),
    spend({
      day,
      model: 'claude-3-5-haiku-20241022',
      dimensionKind: 'tokenType',
      dimension: 'output',
      quantity: 1_000_000_000_000n,
      unit: 'Tokens',
      billedCostMicros: 4_000_000n,
      tags: { 'gen_ai.agent.id': 'triage-agent' },
    }),
  ]),
  // the SaaS API invoice: an API operation, its SkuId kept in `model`
  'focus:saas-apis': [
    spend({
      day: D1,
      provider: 'twilio',
      service: 'Twilio Messaging',
      model: 'createMessage',
      dimension: 'createMessage calls',
      quantity: 1_200_000_000n,
      unit: 'Requests',
      billedCostMicros: 9_480_000n,
    }),
  ],
  // an OpenCost allocation of the capability's workload
  'opencost:prod': [
    spend({
      day: D2,
      provider: 'kubernetes',
      service: 'prod-eu',
      dimensionKind: 'resource',
      dimension: 'cpu',
      quantity: 24_000_000n,
      unit: 'core-hours',
      billedCostMicros: 760_003n,
    }),
    spend({
      day: D2,
      provider: 'kubernetes',
      service: 'prod-eu',
      dimensionKind: 'resource',
      dimension: 'other',
      billedCostMicros: 1n,
    }),
  ],
  // metered calls of an API, and tokens whose usage named no agent
  metered: [
    spend({
      day: D2,
      provider: 'api:default/geocoder',
      service: 'api:default/geocoder',
      dimensionKind: 'operation',
      dimension: 'geocode',
      quantity: 3_000_000n,
      unit: 'calls',
      billedCostMicros: 15_000n,
    }),
    spend({
      day: D2,
      provider: 'openai',
      service: 'openai API',
      model: 'gpt-4o-mini',
      dimensionKind: 'tokenType',
      dimension: 'cache-read',
      quantity: 2_000_000n,
      unit: 'tokens',
      billedCostMicros: 150_000n,
    }),
  ],
};

const EXPECTED: Record<CostGroupBy, Array<[string, string]>> = {
  source: [
    ['focus:ai-providers', '30.400002'],
    ['focus:saas-apis', '9.48'],
    ['opencost:prod', '0.760004'],
    ['metered', '0.165'],
  ],
  provider: [
    ['anthropic', '30.400002'],
    ['twilio', '9.48'],
    ['kubernetes', '0.760004'],
    ['openai', '0.15'],
    ['api:default/geocoder', '0.015'],
  ],
  model: [
    ['claude-3-5-haiku-20241022', '30.400002'],
    ['(other services)', '9.48'],
    ['(Kubernetes)', '0.760004'],
    ['gpt-4o-mini', '0.15'],
    ['(API calls)', '0.015'],
  ],
  tokenType: [
    ['input', '22.400002'],
    ['(other services)', '9.48'],
    ['output', '8.00'],
    ['(Kubernetes)', '0.760004'],
    ['cache-read', '0.15'],
    ['(API calls)', '0.015'],
  ],
  operation: [
    ['(AI models)', '30.550002'],
    ['(other services)', '9.48'],
    ['(Kubernetes)', '0.760004'],
    ['geocode', '0.015'],
  ],
  resource: [
    ['(AI models)', '30.550002'],
    ['(other services)', '9.48'],
    ['cpu', '0.760003'],
    ['(API calls)', '0.015'],
    ['other', '0.000001'],
  ],
  agent: [
    ['triage-agent', '30.400002'],
    ['(other services)', '9.48'],
    ['(Kubernetes)', '0.760004'],
    ['(no agent)', '0.15'],
    ['(API calls)', '0.015'],
  ],
  session: [
    ['(no session)', '30.550002'],
    ['(other services)', '9.48'],
    ['(Kubernetes)', '0.760004'],
    ['(API calls)', '0.015'],
  ],
};

const byCost = (a: [string, bigint], b: [string, bigint]) => {
  if (a[1] === b[1]) return a[0].localeCompare(b[0]);
  return a[1] > b[1] ? -1 : 1;
};
const shown = (rows: Array<[string, bigint]>) =>
  rows.sort(byCost).map(([key, micros]) => [key, formatMicros(micros)]);

describeOnEachDatabase(
  'breakdown keys of the demo’s kind of spend',
  createMigratedStore => {
    async function createStore() {
      const { store } = await createMigratedStore();
      for (const [sourceId, list] of Object.entries(SOURCES)) {
        await store.replaceWindow(
          sourceId,
          window,
          (async function* rows() {
            yield* list;
          })(),
        );
      }
      return store;
    }
    const query = { entityRefs: [TRIAGE], currency: 'USD', window };

    it('keeps spend outside each dimension apart, named by what it is, and adds up to the total', async () => {
      const store = await createStore();
      const total = await store.entityTotal(query);
      expect(formatMicros(total)).toBe('40.805006');
      const lines = await store.entitiesCostLines(query);
      for (const groupBy of COST_GROUP_BYS) {
        const breakdown = await store.entityBreakdown({ ...query, groupBy });
        const rows = breakdown.map(
          row => [row.key, row.costMicros] as [string, bigint],
        );
        expect([groupBy, shown(rows)]).toEqual([groupBy, EXPECTED[groupBy]]);
        expect(rows.reduce((sum, [, micros]) => sum + micros, 0n)).toBe(total);
        // the daily series and the in-memory grouping use the same keys
        const daily = new Map<string, bigint>();
        for (const row of await store.entityDaily({ ...query, groupBy })) {
          daily.set(row.key, (daily.get(row.key) ?? 0n) + row.costMicros);
        }
        const inMemory = new Map<string, bigint>();
        for (const line of lines) {
          const key = costGroupKey(groupBy, line);
          inMemory.set(key, (inMemory.get(key) ?? 0n) + line.costMicros);
        }
        expect(shown([...daily])).toEqual(shown(rows));
        expect(shown([...inMemory])).toEqual(shown(rows));
      }
    });

    it('marks each line outside the dimension in the API answer', async () => {
      const store = await createStore();
      const service = costQueryService(store);
      const answer = await service.entityCost({
        entityRef: TRIAGE,
        entityRefs: [TRIAGE],
        window,
        groupBy: 'tokenType',
      });
      expect(answer.total).toBe('40.805006');
      expect(
        answer.breakdown.map(item => [item.key, item.outside]).sort(),
      ).toEqual([
        ['(API calls)', 'apiCalls'],
        ['(Kubernetes)', 'kubernetes'],
        ['(other services)', 'otherServices'],
        ['cache-read', undefined],
        ['input', undefined],
        ['output', undefined],
      ]);
      const day2 = answer.daily.find(day => day.day === D2)!;
      expect(day2.breakdown).toEqual({
        input: '11.200001',
        output: '4.00',
        'cache-read': '0.15',
        '(Kubernetes)': '0.760004',
        '(API calls)': '0.015',
      });
      const summary = await service.summary({ window, groupBy: 'model' });
      expect(
        summary.groups.map(g => [g.key, g.cost, g.outside ?? null]),
      ).toEqual([
        ['claude-3-5-haiku-20241022', '30.400002', null],
        ['(other services)', '9.48', 'otherServices'],
        ['(Kubernetes)', '0.760004', 'kubernetes'],
        ['gpt-4o-mini', '0.15', null],
        ['(API calls)', '0.015', 'apiCalls'],
      ]);
    });
  },
);
