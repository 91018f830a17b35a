import { CostedEntity } from '../entities/CostedEntity';
import { batchBySpendRefs } from './batchBySpendRefs';

const item = (...spendRefs: string[]) => ({
  budgeted: { entityRef: spendRefs[0], spendRefs } as CostedEntity,
});

describe('batchBySpendRefs', () => {
  it('fills batches up to the number of distinct spend refs, in order', () => {
    const batches = batchBySpendRefs(
      [item('a'), item('b', 'a'), item('c', 'd'), item('e'), item('f')],
      3,
    );
    expect(batches.map(b => b.refs)).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
      ['f'],
    ]);
    expect(batches[0].items).toHaveLength(2);
  });

  it('keeps an entity with more spend refs than a batch holds in a batch of its own', () => {
    const batches = batchBySpendRefs(
      [item('a'), item('s', 'p1', 'p2', 'p3'), item('b')],
      2,
    );
    expect(batches.map(b => b.refs)).toEqual([
      ['a'],
      ['s', 'p1', 'p2', 'p3'],
      ['b'],
    ]);
    expect(batchBySpendRefs([], 2)).toEqual([]);
  });
});
