import { sumCostByDay } from './sumCostByDay';

describe('sumCostByDay', () => {
  it('sums the rows of each day exactly, days in the order first met', () => {
    const daily = sumCostByDay([
      { day: '2026-12-02', costMicros: 9_007_199_254_740_993n },
      { day: '2026-12-01', costMicros: 5n },
      { day: '2026-12-02', costMicros: 1n },
    ]);
    expect([...daily]).toEqual([
      ['2026-12-02', 9_007_199_254_740_994n],
      ['2026-12-01', 5n],
    ]);
  });
});
