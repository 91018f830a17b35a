import { CostRecord } from '@tollgate/plugin-finops-common';
import { CostRollups } from './CostRollups';

const base: CostRecord = {
  day: '2026-11-01',
  entityRef: 'component:default/a',
  provider: 'openai',
  service: 'OpenAI API',
  model: 'gpt-4o',
  dimensionKind: 'tokenType',
  dimension: 'input',
  billedCostMicros: 10n,
  currency: 'USD',
};

describe('CostRollups', () => {
  it('sums records per daily group and per summary group', () => {
    const rollups = new CostRollups('src');
    rollups.add({ ...base, quantity: 5n, unit: 'tokens' });
    rollups.add({
      ...base,
      quantity: 7n,
      unit: 'tokens',
      billedCostMicros: 1n,
    });
    rollups.add({ ...base, dimension: 'output', billedCostMicros: 100n });
    rollups.add({ ...base, entityRef: undefined, billedCostMicros: 1000n });
    expect(rollups.size).toBe(3);
    const { daily, summary } = rollups.take();
    expect(daily).toEqual([
      // prettier-ignore
      ['src', '2026-11-01', 'component:default/a', null, null, 'openai', 'gpt-4o', 'tokenType', 'input', null, null, 'tokens', 'USD', 12n, 11n, 2],
      // prettier-ignore
      ['src', '2026-11-01', 'component:default/a', null, null, 'openai', 'gpt-4o', 'tokenType', 'output', null, null, null, 'USD', null, 100n, 1],
      // prettier-ignore
      ['src', '2026-11-01', null, null, null, 'openai', 'gpt-4o', 'tokenType', 'input', null, null, null, 'USD', null, 1000n, 1],
    ]);
    expect(summary).toEqual([
      // prettier-ignore
      ['src', '2026-11-01', 'component:default/a', null, null, 'openai', 'gpt-4o', 'USD', 111n],
      // prettier-ignore
      ['src', '2026-11-01', null, null, null, 'openai', 'gpt-4o', 'USD', 1000n],
    ]);
    expect(rollups.size).toBe(0);
    expect(rollups.take()).toEqual({ daily: [], summary: [] });
  });

  it('tells daily groups apart by the agent and session their tags name, not the summary', () => {
    const rollups = new CostRollups('src');
    const triage = {
      'gen_ai.agent.id': 'triage',
      'gen_ai.conversation.id': 'c1',
    };
    rollups.add({ ...base, tags: triage });
    rollups.add({ ...base, tags: { ...triage, region: 'eu' } });
    rollups.add({
      ...base,
      tags: { ...triage, 'gen_ai.conversation.id': 'c2' },
    });
    rollups.add({ ...base, tags: { 'gen_ai.agent.name': 'Writer' } });
    rollups.add({ ...base, tags: { region: 'eu' } });
    const { daily, summary } = rollups.take();
    expect(daily.map(row => [row[9], row[10], row[14], row[15]])).toEqual([
      ['triage', 'c1', 20n, 2],
      ['triage', 'c2', 10n, 1],
      ['Writer', null, 10n, 1],
      [null, null, 10n, 1],
    ]);
    expect(summary).toEqual([
      // prettier-ignore
      ['src', '2026-11-01', 'component:default/a', null, null, 'openai', 'gpt-4o', 'USD', 50n],
    ]);
  });

  it('keeps an absent value apart from an empty one', () => {
    const rollups = new CostRollups('src');
    rollups.add({ ...base, model: undefined });
    rollups.add({ ...base, model: '' });
    expect(rollups.take().summary).toHaveLength(2);
  });

  it('answers the same rows a slice at a time, the daily ones first, and forgets them', () => {
    const records = ['a', 'b', 'c'].flatMap(name =>
      ['input', 'output'].map(dimension => ({
        ...base,
        entityRef: `component:default/${name}`,
        dimension,
      })),
    );
    const whole = new CostRollups('src');
    const sliced = new CostRollups('src');
    for (const record of records) {
      whole.add(record);
      sliced.add(record);
    }
    const slices = [...sliced.takeInSlices(4)];
    expect(slices.map(({ rollup, rows }) => [rollup, rows.length])).toEqual([
      ['daily', 4],
      ['daily', 2],
      ['summary', 3],
    ]);
    const { daily, summary } = whole.take();
    expect(slices.flatMap(({ rows }) => rows)).toEqual([...daily, ...summary]);
    expect(sliced.size).toBe(0);
    expect([...sliced.takeInSlices(4)]).toEqual([]);
  });
});
