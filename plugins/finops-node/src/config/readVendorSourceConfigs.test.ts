import { ConfigReader, JsonObject } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  VendorSourceConfigOptions,
  readVendorSourceConfigs,
} from './readVendorSourceConfigs';

const OPTIONS: VendorSourceConfigOptions = {
  configKey: 'tollgate.sources.example',
  vendorName: 'Example',
  defaultBaseUrl: 'https://api.example.com',
  secretKey: 'adminKey',
  secretDescription: 'an Example admin key',
};

function read(entries: JsonObject[], options = OPTIONS) {
  return readVendorSourceConfigs(
    new ConfigReader({ tollgate: { sources: { example: entries } } }),
    options,
  );
}

describe('readVendorSourceConfigs', () => {
  it('answers nothing without entries', () => {
    expect(readVendorSourceConfigs(new ConfigReader({}), OPTIONS)).toEqual([]);
  });

  it('applies the defaults and hands over the entry', () => {
    const [entry] = read([{ id: 'org', adminKey: ' ex-1 ', extra: 7 }]);
    expect(entry).toEqual({
      id: 'org',
      baseUrl: 'https://api.example.com',
      secret: 'ex-1',
      timeoutMs: 60_000,
      schedule: {
        lookbackDays: undefined,
        backfillDays: undefined,
        windowDays: undefined,
      },
      config: expect.anything(),
      path: 'tollgate.sources.example[0]',
    });
    expect(entry.config.getNumber('extra')).toBe(7);
  });

  it('reads every option', () => {
    const [, entry] = read([
      { id: 'a', adminKey: 'k' },
      {
        id: 'replay',
        baseUrl: 'http://localhost:7007/replay/example//',
        adminKey: 'ex-2',
        timeout: 'PT20S',
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 15 } },
        lookbackDays: 3,
        backfillDays: 60,
        windowDays: 7,
      },
    ]);
    expect(entry).toMatchObject({
      id: 'replay',
      baseUrl: 'http://localhost:7007/replay/example',
      secret: 'ex-2',
      timeoutMs: 20_000,
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 15 },
        lookbackDays: 3,
        backfillDays: 60,
        windowDays: 7,
      },
      path: 'tollgate.sources.example[1]',
    });
  });

  it('requires a base URL where there is no default', () => {
    const options = { ...OPTIONS, defaultBaseUrl: undefined };
    expect(() => read([{ id: 'org', adminKey: 'k' }], options)).toThrow(
      "Missing required config value at 'tollgate.sources.example[0].baseUrl'",
    );
    expect(
      read(
        [{ id: 'org', adminKey: 'k', baseUrl: 'http://proxy:4000/' }],
        options,
      )[0].baseUrl,
    ).toBe('http://proxy:4000');
  });

  it.each([
    [
      { id: 'a b', adminKey: 'k' },
      'Invalid tollgate.sources.example[0].id "a b": expected up to 100 letters',
    ],
    [
      { id: `a${'b'.repeat(100)}`, adminKey: 'k' },
      'Invalid tollgate.sources.example[0].id',
    ],
    [
      { id: 'org', adminKey: 'k', baseUrl: 'ftp://example' },
      'Invalid tollgate.sources.example[0].baseUrl "ftp://example": expected an absolute http or https URL',
    ],
    [
      { id: 'org', adminKey: 'k', baseUrl: 'https://u:p@api.example.com' },
      'Invalid tollgate.sources.example[0].baseUrl "https://u:p@api.example.com": expected a URL without credentials, query or fragment',
    ],
    [
      { id: 'org', adminKey: 'k', baseUrl: 'https://api.example.com#x' },
      'expected a URL without credentials, query or fragment',
    ],
    [
      { id: 'org', adminKey: '  ' },
      'Invalid tollgate.sources.example[0].adminKey: expected an Example admin key without spaces',
    ],
    [
      { id: 'org', adminKey: 'k', timeout: 'soon' },
      'Invalid tollgate.sources.example[0].timeout:',
    ],
    [
      { id: 'org', adminKey: 'k', timeout: { milliseconds: 0 } },
      'Invalid tollgate.sources.example[0].timeout {"milliseconds":0}: expected a duration from 1 millisecond to 1 hour',
    ],
    [
      { id: 'org', adminKey: 'k', windowDays: 0 },
      'tollgate.sources.example[0]: Invalid windowDays 0',
    ],
  ])('names the key of %j', (entry, message) => {
    expect(() => read([entry as JsonObject])).toThrow(InputError);
    expect(() => read([entry as JsonObject])).toThrow(message);
  });

  it('names a missing secret and never shows one', () => {
    expect(() => read([{ id: 'org' }])).toThrow(
      "Missing required config value at 'tollgate.sources.example[0].adminKey'",
    );
    expect(() => read([{ id: 'org', adminKey: 'ex secret' }])).toThrow(
      /^Invalid tollgate\.sources\.example\[0\]\.adminKey: expected/,
    );
    expect(() => read([{ id: 'org', adminKey: 'ex secret' }])).not.toThrow(
      /secret/,
    );
  });

  it('refuses a repeated id', () => {
    expect(() =>
      read([
        { id: 'org', adminKey: 'k' },
        { id: 'org', adminKey: 'k2' },
      ]),
    ).toThrow(
      'Duplicate tollgate.sources.example[1].id "org": each Example source needs its own id',
    );
  });
});
