import { rankBySpend, rankCostChanges } from './costChanges';

describe('rankCostChanges', () => {
  it('ranks by the size of the change, up or down, exactly', () => {
    const ranked = rankCostChanges([
      { key: 'a', cost: '10.10', previousCost: '10.00' },
      { key: 'b', cost: '0.000001', previousCost: '5.000002' },
      { key: 'c', cost: '7.00', previousCost: '7.00' },
      { key: 'd', cost: '0.30', previousCost: '0.10' },
      { key: 'e', cost: '0.20', previousCost: '0.00' },
    ]);
    expect(ranked).toEqual([
      {
        key: 'b',
        cost: '0.000001',
        previousCost: '5.000002',
        change: '-5.000001',
      },
      { key: 'd', cost: '0.30', previousCost: '0.10', change: '0.20' },
      { key: 'e', cost: '0.20', previousCost: '0.00', change: '0.20' },
      { key: 'a', cost: '10.10', previousCost: '10.00', change: '0.10' },
    ]);
  });

  it('computes changes floats would get wrong', () => {
    // in floats, 1000000000.000001 - 1000000000 is 9.5367431640625e-7
    const ranked = rankCostChanges([
      { key: 'x', cost: '0.30', previousCost: '0.30' },
      {
        key: 'y',
        cost: '1000000000.000001',
        previousCost: '1000000000',
      },
    ]);
    expect(ranked).toEqual([
      expect.objectContaining({ key: 'y', change: '0.000001' }),
    ]);
  });

  it('takes the count asked for', () => {
    const items = ['a', 'b', 'c'].map((key, i) => ({
      key,
      cost: String(i + 1),
      previousCost: '0',
    }));
    expect(rankCostChanges(items, 2).map(i => i.key)).toEqual(['c', 'b']);
  });

  it('names the key whose cost is not a decimal', () => {
    expect(() =>
      rankCostChanges([{ key: 'k', cost: 'NaN', previousCost: '1' }]),
    ).toThrow('Cost "NaN" of k is not a decimal');
  });
});

describe('rankBySpend', () => {
  it('puts the largest spend first and leaves out zero spend', () => {
    expect(
      rankBySpend([
        { key: 'small', cost: '1.000001' },
        { key: 'none', cost: '0.00' },
        { key: 'big', cost: '12.50' },
        { key: 'also-small', cost: '1.000001' },
      ]).map(i => i.key),
    ).toEqual(['big', 'also-small', 'small']);
  });
});
