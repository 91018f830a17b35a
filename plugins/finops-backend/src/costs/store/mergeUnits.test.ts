import { mergeUnits } from './mergeUnits';

describe('mergeUnits', () => {
  it('sums each key over its units, most spend first and ties by key', () => {
    expect(
      mergeUnits([
        { key: 'b', unit: 'tokens', costMicros: 5n, quantity: 10n },
        { key: 'a', unit: 'tokens', costMicros: 2n, quantity: 1n },
        { key: 'a', unit: 'tokens', costMicros: 3n, quantity: 2n },
        { key: 'c', unit: 'tokens', costMicros: 1n, quantity: 1n },
        { key: 'c', unit: 'characters', costMicros: 1n, quantity: 9n },
        { key: 'd', costMicros: 9n },
      ]),
    ).toEqual([
      { key: 'd', costMicros: 9n },
      { key: 'a', unit: 'tokens', costMicros: 5n, quantity: 3n },
      { key: 'b', unit: 'tokens', costMicros: 5n, quantity: 10n },
      { key: 'c', costMicros: 2n },
    ]);
  });
});
