import { breakdownLabel, splitOutside, sumMoney } from './format';

describe('breakdown helpers', () => {
  it('name a row outside the dimension by what its spend is', () => {
    expect(breakdownLabel({ key: '(Kubernetes)', outside: 'kubernetes' })).toBe(
      'Kubernetes',
    );
    expect(breakdownLabel({ key: '(API calls)', outside: 'apiCalls' })).toBe(
      'API calls',
    );
    expect(breakdownLabel({ key: '(AI models)', outside: 'modelTokens' })).toBe(
      'AI models',
    );
    expect(
      breakdownLabel({ key: '(other services)', outside: 'otherServices' }),
    ).toBe('Other services');
    expect(breakdownLabel({ key: '(no agent)', outside: 'unnamed' })).toBe(
      '(no agent)',
    );
    expect(breakdownLabel({ key: 'gpt-4o' })).toBe('gpt-4o');
  });

  it('keep the order of the values and of the rest', () => {
    const items = [
      { key: 'a' },
      { key: 'k', outside: 'kubernetes' as const },
      { key: 'b' },
      { key: 'c', outside: 'apiCalls' as const },
    ];
    expect(splitOutside(items)).toEqual({
      values: [items[0], items[2]],
      outside: [items[1], items[3]],
    });
  });

  it('sum amounts exactly', () => {
    expect(sumMoney(['9.48', '0.760004', '0.015'])).toBe('10.255004');
    expect(sumMoney(['0.1', '0.2'])).toBe('0.30');
    expect(sumMoney([])).toBe('0.00');
  });
});
