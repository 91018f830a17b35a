import { SpendLog } from './readSpendLog';
import { SpendLogGroups } from './SpendLogGroups';

const TEAM = { 'litellm.team_alias': 'Prod Team' };

function log(requestId: string, extra: Partial<SpendLog> = {}): SpendLog {
  return {
    requestId,
    day: '2024-04-30',
    spend: '0.0000825',
    promptTokens: 60n,
    completionTokens: 25n,
    provider: 'openai',
    model: 'gpt-3.5-turbo',
    tags: { ...TEAM },
    ...extra,
  };
}

describe('SpendLogGroups', () => {
  it('adds up the requests of a group exactly, with their tokens', () => {
    const groups = new SpendLogGroups();
    groups.add(log('a'));
    groups.add(log('b'));
    groups.add(
      log('c', { spend: '0', promptTokens: 0n, completionTokens: 0n }),
    );
    const base = {
      day: '2024-04-30',
      provider: 'openai',
      service: 'LiteLLM proxy',
      model: 'gpt-3.5-turbo',
      currency: 'USD',
      tags: TEAM,
    };
    expect(groups.records()).toEqual([
      {
        ...base,
        dimensionKind: 'usage',
        dimension: 'requests',
        quantity: 3_000_000n,
        unit: 'requests',
        // 2 × 82.5 micro-dollars, rounded once
        billedCostMicros: 165n,
      },
      {
        ...base,
        dimensionKind: 'tokenType',
        dimension: 'input',
        quantity: 120_000_000n,
        unit: 'tokens',
        billedCostMicros: 0n,
      },
      {
        ...base,
        dimensionKind: 'tokenType',
        dimension: 'output',
        quantity: 50_000_000n,
        unit: 'tokens',
        billedCostMicros: 0n,
      },
    ]);
  });

  it('counts a request once, however often it is added', () => {
    const groups = new SpendLogGroups();
    expect(groups.add(log('a'))).toBe(true);
    expect(groups.add(log('a', { spend: '9' }))).toBe(false);
    expect(groups.records()[0]).toMatchObject({
      quantity: 1_000_000n,
      billedCostMicros: 82n,
    });
  });

  it('keeps apart what differs in day, provider, model, entity or tags', () => {
    const groups = new SpendLogGroups();
    groups.add(log('a'));
    groups.add(log('b', { day: '2024-05-01' }));
    groups.add(log('c', { provider: 'azure' }));
    groups.add(log('d', { model: undefined }));
    groups.add(log('e', { entityRef: 'component:default/summarizer' }));
    groups.add(log('f', { tags: { ...TEAM, 'litellm.key_alias': 'k' } }));
    groups.add(log('g', { tags: { 'litellm.key_alias': 'k', ...TEAM } }));
    groups.add(log('h', { tags: {} }));
    const money = groups.records().filter(r => r.dimension === 'requests');
    expect(money.map(r => Number(r.quantity) / 1e6)).toEqual([
      1, 1, 1, 1, 1, 2, 1,
    ]);
    expect(money[3].model).toBeUndefined();
    expect(money[4].entityRef).toBe('component:default/summarizer');
    expect(money[6].tags).toBeUndefined();
  });

  it('refuses counts beyond what a record holds', () => {
    const groups = new SpendLogGroups();
    groups.add(log('a', { promptTokens: 9_000_000_000_000n }));
    groups.add(log('b', { promptTokens: 1n }));
    expect(() => groups.records()).toThrow(
      'the input tokens of gpt-3.5-turbo on 2024-04-30 add up to 9000000000001, more than a record holds (9000000000000)',
    );
  });
});
