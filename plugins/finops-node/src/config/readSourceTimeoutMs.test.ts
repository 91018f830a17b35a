import { ConfigReader, JsonValue } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readSourceTimeoutMs } from './readSourceTimeoutMs';

const PATH = 'tollgate.sources.example[0]';
const OPTIONS = {
  defaultMs: 60_000,
  maxMs: 3_600_000,
  maxDescription: '1 hour',
};

function read(timeout?: JsonValue) {
  return readSourceTimeoutMs(
    new ConfigReader(timeout === undefined ? {} : { timeout }),
    PATH,
    OPTIONS,
  );
}

describe('readSourceTimeoutMs', () => {
  it('answers the default without a timeout', () => {
    expect(read()).toBe(60_000);
  });

  it.each([
    ['PT20S', 20_000],
    [{ seconds: 30 }, 30_000],
    [{ milliseconds: 1 }, 1],
    [{ hours: 1 }, 3_600_000],
  ])('reads %j', (timeout, ms) => {
    expect(read(timeout)).toBe(ms);
  });

  it('refuses what is not a duration', () => {
    expect(() => read('soon')).toThrow(InputError);
    expect(() => read('soon')).toThrow(`Invalid ${PATH}.timeout:`);
  });

  it.each([{ milliseconds: 0 }, { hours: 2 }, { months: 1 }])(
    'refuses %j, out of bounds',
    timeout => {
      expect(() => read(timeout)).toThrow(InputError);
      expect(() => read(timeout)).toThrow(
        `Invalid ${PATH}.timeout ${JSON.stringify(
          timeout,
        )}: expected a duration from 1 millisecond to 1 hour`,
      );
    },
  );
});
