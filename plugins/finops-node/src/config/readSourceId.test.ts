import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readSourceId } from './readSourceId';

const PATH = 'tollgate.sources.example[0]';

function read(id: string) {
  return readSourceId(new ConfigReader({ id }), PATH);
}

describe('readSourceId', () => {
  it.each(['org', 'prod-eu', 'a.b_c-d', '9', `a${'b'.repeat(99)}`])(
    'reads %j',
    id => {
      expect(read(id)).toBe(id);
    },
  );

  it.each(['a b', '-org', '.org', `a${'b'.repeat(100)}`, 'org/eu'])(
    'refuses %j naming the entry',
    id => {
      expect(() => read(id)).toThrow(InputError);
      expect(() => read(id)).toThrow(
        `Invalid ${PATH}.id ${JSON.stringify(
          id,
        )}: expected up to 100 letters, digits, ".", "_" or "-", starting with a letter or digit`,
      );
    },
  );

  it('requires an id', () => {
    expect(() => readSourceId(new ConfigReader({}), PATH)).toThrow(
      "Missing required config value at 'id'",
    );
  });
});
