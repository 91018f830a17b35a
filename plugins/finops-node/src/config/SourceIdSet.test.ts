import { InputError } from '@backstage/errors';
import { SourceIdSet } from './SourceIdSet';

describe('SourceIdSet', () => {
  it('keeps the ids added, in order', () => {
    const ids = new SourceIdSet();
    ids.add('b', () => 'unused');
    ids.add('a', () => 'unused');
    expect(ids.values()).toEqual(['b', 'a']);
  });

  it('refuses an id added before, with the message of the reader', () => {
    const ids = new SourceIdSet();
    ids.add('org', () => 'unused');
    const repeat = () => ids.add('org', () => 'the id "org" is taken');
    expect(repeat).toThrow(InputError);
    expect(repeat).toThrow('the id "org" is taken');
    expect(ids.values()).toEqual(['org']);
  });

  it('words the message only for a repeated id', () => {
    const describeRepeat = jest.fn(() => 'taken');
    const ids = new SourceIdSet();
    ids.add('a', describeRepeat);
    ids.add('b', describeRepeat);
    expect(describeRepeat).not.toHaveBeenCalled();
  });

  it('tells ids apart by case', () => {
    const ids = new SourceIdSet();
    ids.add('Org', () => 'taken');
    expect(() => ids.add('org', () => 'taken')).not.toThrow();
  });
});
