import { budgetPeriodWindow, budgetResetsAt } from './budgetPeriod';

describe('budgetPeriodWindow', () => {
  it.each([
    ['month', '2026-02-14', '2026-02-01', '2026-02-28'],
    ['month', '2028-02-29', '2028-02-01', '2028-02-29'],
    ['month', '2026-12-31', '2026-12-01', '2026-12-31'],
    ['quarter', '2026-05-31', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-12-01', '2026-10-01', '2026-12-31'],
    ['year', '2026-07-04', '2026-01-01', '2026-12-31'],
  ] as const)('%s containing %s is %s to %s', (period, day, from, to) => {
    expect(budgetPeriodWindow(period, day)).toEqual({ from, to });
  });

  it('resets at midnight UTC after the last day', () => {
    expect(budgetResetsAt({ from: '2026-12-01', to: '2026-12-31' })).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });
});
