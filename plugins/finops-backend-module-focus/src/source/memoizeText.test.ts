import { memoizeText } from './memoizeText';

describe('memoizeText', () => {
  it('computes each text once and shares the answer', () => {
    const compute = jest.fn((text: string) => ({ length: text.length }));
    const parse = memoizeText(compute);
    const first = parse('abc');
    expect(parse('abc')).toBe(first);
    expect(parse('de')).toEqual({ length: 2 });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('remembers undefined answers too', () => {
    const compute = jest.fn((_: string) => undefined);
    const parse = memoizeText(compute);
    parse('x');
    parse('x');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('stops remembering after the limit but still answers', () => {
    const compute = jest.fn((text: string) => text.toUpperCase());
    const parse = memoizeText(compute, 2);
    expect(['a', 'b', 'c', 'c', 'a'].map(parse)).toEqual([
      'A',
      'B',
      'C',
      'C',
      'A',
    ]);
    expect(compute).toHaveBeenCalledTimes(4);
  });
});
