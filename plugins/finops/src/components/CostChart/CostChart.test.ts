import { seriesKeys } from './CostChart';
import { triageByModel } from '../CostBreakdownTable/outsideTestData';

describe('seriesKeys', () => {
  it('orders keys by their spend over the series', () => {
    expect(seriesKeys(triageByModel.daily)).toEqual([
      'claude-3-5-haiku-20241022',
      '(other services)',
      '(Kubernetes)',
      'gpt-4o-mini',
      '(API calls)',
    ]);
  });

  it('puts the spend outside the dimension after its values', () => {
    const outside = new Set(
      triageByModel.breakdown.filter(i => i.outside).map(i => i.key),
    );
    expect(seriesKeys(triageByModel.daily, outside)).toEqual([
      'claude-3-5-haiku-20241022',
      'gpt-4o-mini',
      '(other services)',
      '(Kubernetes)',
      '(API calls)',
    ]);
  });
});
