import { parseFocusTags } from './parseFocusTags';

describe('parseFocusTags', () => {
  it('reads values as strings', () => {
    expect(parseFocusTags('{"team":"search","size":3,"flag":null}')).toEqual({
      tags: { team: 'search', size: '3', flag: '' },
    });
  });

  it('trims stray spaces from keys', () => {
    expect(
      parseFocusTags('{" team":"search","cost-center ":"cc-1"," env ":"prod"}'),
    ).toEqual({ tags: { team: 'search', 'cost-center': 'cc-1', env: 'prod' } });
  });

  it('merges keys that become one when they hold the same value', () => {
    expect(parseFocusTags('{"team":"search"," team":"search"}')).toEqual({
      tags: { team: 'search' },
    });
  });

  it('answers an error naming both keys when they hold different values', () => {
    expect(parseFocusTags('{"team":"search","team ":"ads"}')).toEqual({
      error:
        'Tags has the keys "team" and "team ", which are both "team" without their spaces, with different values',
    });
  });

  it('keeps a key named like an object property as a tag', () => {
    expect(parseFocusTags('{"__proto__":"x"}')).toEqual({
      tags: Object.fromEntries([['__proto__', 'x']]),
    });
  });

  it('answers an error for text that is not a JSON object', () => {
    expect(parseFocusTags('{"team":')).toEqual({
      error: expect.stringMatching(/^Tags is not valid JSON/),
    });
    expect(parseFocusTags('[]')).toEqual({
      error: 'Tags is JSON but not an object',
    });
  });
});
