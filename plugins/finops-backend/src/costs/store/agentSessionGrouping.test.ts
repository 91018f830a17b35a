import { CostRecord, formatMicros } from '@tollgate/plugin-finops-common';
import { compactMeteredRollups } from '../../metering/compactMeteredRollups';
import { costQueryService } from './__testUtils__/costQueryService';
import { CostPrecedence, DEFAULT_PRECEDENCE } from './CostPrecedence';
import { StoredItem } from './CostStore';
import { METERED_SOURCE_ID } from './meteredSource';
import { WindowWriter } from './WindowWriter';
import { costGroupKey } from './costGroupKeys';
import { describeOnEachDatabase } from './__testUtils__/costStoreTesting';

jest.setTimeout(60_000);

const TRIAGE = 'component:default/ticket-triage';
const D1 = '2026-11-01';
const D2 = '2026-11-02';
const window = { from: D1, to: D2 };
const sources = [
  { id: 'openai:org', authority: 'vendor-api' as const },
  { id: 'focus:invoice', authority: 'invoice' as const },
];

function cost(
  day: string,
  micros: bigint,
  tags?: Record<string, string>,
  overrides: Partial<CostRecord> = {},
): CostRecord {
  return {
    day,
    entityRef: TRIAGE,
    provider: 'anthropic',
    service: 'Anthropic API',
    model: 'claude-3-5-haiku',
    dimensionKind: 'tokenType',
    dimension: 'input',
    quantity: 1_000_000n,
    unit: 'tokens',
    billedCostMicros: micros,
    currency: 'USD',
    ...(tags ? { tags } : {}),
    ...overrides,
  };
}

const spend = (...args: Parameters<typeof cost>): StoredItem => ({
  type: 'cost',
  record: cost(...args),
});

const agent = (id: string, session?: string) => ({
  'gen_ai.agent.id': id,
  ...(session ? { 'gen_ai.conversation.id': session } : {}),
});

async function* items(list: StoredItem[]) {
  yield* list;
}

describeOnEachDatabase('spend by agent and session', createMigratedStore => {
  async function createStore() {
    const { knex, store } = await createMigratedStore(
      new CostPrecedence(DEFAULT_PRECEDENCE, sources),
    );
    const query = { entityRefs: [TRIAGE], currency: 'USD', window };
    const by = async (groupBy: 'agent' | 'session', w = window) =>
      (await store.entityBreakdown({ ...query, window: w, groupBy }))
        .map(row => [row.key, formatMicros(row.costMicros)])
        .sort();
    const total = async (w = window) =>
      formatMicros(await store.entityTotal({ ...query, window: w }));
    return { knex, store, query, by, total };
  }

  it('splits an entity’s spend by the agent and session its tags name, and the rest in one line', async () => {
    const { store, query, by, total } = await createStore();
    // metered usage of two sessions of the triage agent, and one of an agent by name
    await store.replaceWindow(
      'metered',
      window,
      items([
        spend(D1, 1_000_001n, agent('triage-agent', 'c1')),
        spend(D1, 2_000_000n, agent('triage-agent', 'c2')),
        spend(D2, 500_000n, agent('triage-agent', 'c1')),
        spend(D2, 250_000n, {
          'gen_ai.agent.name': 'Escalation writer',
          'gen_ai.agent.id': ' ',
        }),
      ]),
    );
    // a FOCUS invoice of another provider: one row names an agent, one nothing
    await store.replaceWindow(
      'focus:invoice',
      window,
      items([
        spend(D1, 3_000_000n, agent('triage-agent'), { provider: 'twilio' }),
        spend(
          D2,
          1_000_000n,
          { 'backstage-entity': TRIAGE },
          {
            provider: 'twilio',
          },
        ),
      ]),
    );
    expect(await total()).toBe('7.750001');
    expect(await by('agent')).toEqual([
      ['(no agent)', '1.00'],
      ['Escalation writer', '0.25'],
      ['triage-agent', '6.500001'],
    ]);
    expect(await by('session')).toEqual([
      ['(no session)', '4.25'],
      ['c1', '1.500001'],
      ['c2', '2.00'],
    ]);
    expect(await store.entityAgentSessions(query)).toEqual(
      new Map([['triage-agent', 2]]),
    );
    const daily = await store.entityDaily({ ...query, groupBy: 'agent' });
    expect(
      daily.map(row => [row.day, row.key, formatMicros(row.costMicros)]),
    ).toEqual(
      expect.arrayContaining([
        [D1, 'triage-agent', '6.000001'],
        [D2, 'triage-agent', '0.50'],
        [D2, 'Escalation writer', '0.25'],
        [D2, '(no agent)', '1.00'],
      ]),
    );
    // the in-memory grouping of the cost lines agrees with the SQL one
    const lines = await store.entitiesCostLines(query);
    const sums = new Map<string, bigint>();
    for (const line of lines) {
      const key = costGroupKey('session', line);
      sums.set(key, (sums.get(key) ?? 0n) + line.costMicros);
    }
    expect([...sums].map(([k, v]) => [k, formatMicros(v)]).sort()).toEqual(
      await by('session'),
    );
    // organization-wide, unallocated spend included
    const groups = await store.summaryGroups({
      window,
      groupBy: 'agent',
      currency: 'USD',
    });
    expect(groups.map(g => [g.key, formatMicros(g.costMicros)])).toEqual([
      ['triage-agent', '6.500001'],
      ['(no agent)', '1.00'],
      ['Escalation writer', '0.25'],
    ]);
  });

  it('leaves out what a higher-ranked source counts instead, and counts it again when that source stops', async () => {
    const { store, by, total } = await createStore();
    await store.replaceWindow(
      'metered',
      window,
      items([
        spend(D1, 3_000_000n, agent('triage-agent', 'c1')),
        spend(D2, 3_000_000n, agent('triage-agent', 'c2')),
      ]),
    );
    // the vendor's API covers D1 of the same provider: its figure counts, untagged
    await store.replaceWindow(
      'openai:org',
      window,
      items([spend(D1, 4_000_000n)]),
    );
    expect(await total()).toBe('7.00');
    expect(await by('agent')).toEqual([
      ['(no agent)', '4.00'],
      ['triage-agent', '3.00'],
    ]);
    expect(await by('session')).toEqual([
      ['(no session)', '4.00'],
      ['c2', '3.00'],
    ]);
    // the vendor's API no longer reports D1: the metered agent spend counts again
    await store.replaceWindow(
      'openai:org',
      window,
      items([spend(D2, 1_000_000n, undefined, { provider: 'openai' })]),
    );
    expect(await total()).toBe('7.00');
    expect(await by('agent')).toEqual([
      ['(no agent)', '1.00'],
      ['triage-agent', '6.00'],
    ]);
  });

  it('keeps agents and sessions apart when metered rollups are merged', async () => {
    const { knex, by } = await createStore();
    // metered writes add rollup rows as usage comes in, one per group and write
    for (const [session, micros] of [
      ['c1', 1_000_000n],
      ['c2', 2_000_000n],
      ['c1', 500_000n],
    ] as const) {
      await knex.transaction(async trx => {
        const writer = new WindowWriter(trx, METERED_SOURCE_ID);
        await writer.addCost(cost(D1, micros, agent('triage-agent', session)));
        await writer.finish();
      });
    }
    const rows = async () =>
      (await knex('finops_daily_costs').count({ n: '*' }))[0].n;
    expect(Number(await rows())).toBe(3);
    await compactMeteredRollups(knex, D1, [TRIAGE]);
    expect(Number(await rows())).toBe(2);
    expect(await by('session')).toEqual([
      ['c1', '1.50'],
      ['c2', '2.00'],
    ]);
  });

  it('answers the breakdown by agent with each agent’s sessions, adding up to the total', async () => {
    const { store } = await createStore();
    await store.replaceWindow(
      'metered',
      window,
      items([
        spend(D1, 1_000_000n, agent('triage-agent', 'c1')),
        spend(D2, 2_000_000n, agent('triage-agent', 'c2')),
        spend(D2, 333_333n),
      ]),
    );
    const service = costQueryService(store);
    const answer = await service.entityCost({
      entityRef: TRIAGE,
      entityRefs: [TRIAGE],
      window,
      groupBy: 'agent',
    });
    expect(answer.total).toBe('3.333333');
    expect(answer.breakdown).toEqual([
      {
        key: 'triage-agent',
        cost: '3.00',
        quantity: '2',
        unit: 'tokens',
        sessions: 2,
      },
      {
        key: '(no agent)',
        outside: 'unnamed',
        cost: '0.333333',
        quantity: '1',
        unit: 'tokens',
        sessions: 0,
      },
    ]);
    const bySession = await service.entityCost({
      entityRef: TRIAGE,
      entityRefs: [TRIAGE],
      window,
      groupBy: 'session',
    });
    expect(bySession.total).toBe('3.333333');
    expect(bySession.breakdown.every(item => !('sessions' in item))).toBe(true);
  });
});
