import { ConfigReader, JsonObject } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readAnthropicSourceConfigs } from './readAnthropicSourceConfigs';

function read(entries: JsonObject[]) {
  return readAnthropicSourceConfigs(
    new ConfigReader({ tollgate: { sources: { anthropic: entries } } }),
  );
}

describe('readAnthropicSourceConfigs', () => {
  it('answers nothing without entries', () => {
    expect(readAnthropicSourceConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('applies the defaults', () => {
    expect(read([{ id: 'org', adminKey: 'sk-ant-admin-1' }])).toEqual([
      {
        id: 'org',
        baseUrl: 'https://api.anthropic.com',
        adminKey: 'sk-ant-admin-1',
        timeoutMs: 60_000,
        schedule: {
          lookbackDays: undefined,
          backfillDays: undefined,
          windowDays: undefined,
        },
      },
    ]);
  });

  it('reads every option', () => {
    const [config] = read([
      {
        id: 'replay',
        baseUrl: 'http://localhost:7007/replay/anthropic/',
        adminKey: 'sk-ant-admin-2',
        timeout: { seconds: 20 },
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 15 } },
        lookbackDays: 3,
        backfillDays: 60,
        windowDays: 7,
      },
    ]);
    expect(config).toEqual({
      id: 'replay',
      baseUrl: 'http://localhost:7007/replay/anthropic',
      adminKey: 'sk-ant-admin-2',
      timeoutMs: 20_000,
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 15 },
        lookbackDays: 3,
        backfillDays: 60,
        windowDays: 7,
      },
    });
  });

  it.each([
    [
      { id: 'a b', adminKey: 'k' },
      'Invalid tollgate.sources.anthropic[0].id "a b": expected up to 100 letters',
    ],
    [
      { id: 'org', adminKey: 'k', baseUrl: 'api.anthropic.com' },
      'Invalid tollgate.sources.anthropic[0].baseUrl "api.anthropic.com": expected an absolute http or https URL',
    ],
    [
      { id: 'org', adminKey: 'k', baseUrl: 'https://api.anthropic.com?x=1' },
      'Invalid tollgate.sources.anthropic[0].baseUrl "https://api.anthropic.com?x=1": expected a URL without credentials, query or fragment',
    ],
    [
      { id: 'org', adminKey: '   ' },
      'Invalid tollgate.sources.anthropic[0].adminKey: expected an Anthropic Admin API key without spaces',
    ],
    [
      { id: 'org', adminKey: 'k', timeout: 'soon' },
      'Invalid tollgate.sources.anthropic[0].timeout:',
    ],
    [
      { id: 'org', adminKey: 'k', timeout: { hours: 2 } },
      'Invalid tollgate.sources.anthropic[0].timeout {"hours":2}: expected a duration from 1 millisecond to 1 hour',
    ],
    [
      { id: 'org', adminKey: 'k', lookbackDays: -1 },
      'tollgate.sources.anthropic[0]: Invalid lookbackDays -1',
    ],
  ])('names the key of %j', (entry, message) => {
    expect(() => read([entry as JsonObject])).toThrow(InputError);
    expect(() => read([entry as JsonObject])).toThrow(message);
  });

  it('names a missing admin key', () => {
    expect(() => read([{ id: 'org' }])).toThrow(
      "Missing required config value at 'tollgate.sources.anthropic[0].adminKey'",
    );
  });

  it('never shows the admin key', () => {
    expect(() =>
      read([{ id: 'org', adminKey: 'sk-ant-admin secret' }]),
    ).toThrow(/^Invalid tollgate\.sources\.anthropic\[0\]\.adminKey: expected/);
    expect(() =>
      read([{ id: 'org', adminKey: 'sk-ant-admin secret' }]),
    ).not.toThrow(/secret/);
  });

  it('refuses a repeated id', () => {
    expect(() =>
      read([
        { id: 'org', adminKey: 'k' },
        { id: 'org', adminKey: 'k2' },
      ]),
    ).toThrow(
      'Duplicate tollgate.sources.anthropic[1].id "org": each Anthropic source needs its own id',
    );
  });
});
