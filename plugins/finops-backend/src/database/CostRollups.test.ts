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
      ['src', '2026-11-01', 'component:default/a', null, null, 'openai', 'gpt-4o', 'tokenType', 'input', 'tokens', 'USD', 12n, 11n, 2],
      // prettier-ignore
      ['src', '2026-11-01', 'component:default/a', null, null, 'openai', 'gpt-4o', 'tokenType', 'output', null, 'USD', null, 100n, 1],
      // prettier-ignore
      ['src', '2026-11-01', null, null, null, 'openai', 'gpt-4o', 'tokenType', 'input', null, 'USD', null, 1000n, 1],
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

  it('keeps an absent value apart from an empty one', () => {
    const rollups = new CostRollups('src');
    rollups.add({ ...base, model: undefined });
    rollups.add({ ...base, model: '' });
    expect(rollups.take().summary).toHaveLength(2);
  });
});
