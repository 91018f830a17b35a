import { ConfigReader, JsonObject } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readLiteLlmSourceConfigs } from './readLiteLlmSourceConfigs';

function read(entries: JsonObject[]) {
  return readLiteLlmSourceConfigs(
    new ConfigReader({ tollgate: { sources: { litellm: entries } } }),
  );
}

describe('readLiteLlmSourceConfigs', () => {
  it('answers nothing without entries', () => {
    expect(readLiteLlmSourceConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('applies the defaults', () => {
    expect(
      read([
        { id: 'gateway', baseUrl: 'http://litellm:4000/', apiKey: 'sk-1' },
      ]),
    ).toEqual([
      {
        id: 'gateway',
        baseUrl: 'http://litellm:4000',
        apiKey: 'sk-1',
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
        id: 'gateway',
        baseUrl: 'https://ai.example.com/litellm',
        apiKey: 'sk-admin-2',
        timeout: { seconds: 20 },
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 15 } },
        lookbackDays: 3,
        backfillDays: 7,
        windowDays: 1,
      },
    ]);
    expect(config).toEqual({
      id: 'gateway',
      baseUrl: 'https://ai.example.com/litellm',
      apiKey: 'sk-admin-2',
      timeoutMs: 20_000,
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 15 },
        lookbackDays: 3,
        backfillDays: 7,
        windowDays: 1,
      },
    });
  });

  it.each([
    [
      { apiKey: 'k', baseUrl: 'http://litellm:4000' },
      "Missing required config value at 'tollgate.sources.litellm[0].id'",
    ],
    [
      { id: 'gateway', apiKey: 'k' },
      "Missing required config value at 'tollgate.sources.litellm[0].baseUrl'",
    ],
    [
      { id: 'gateway', baseUrl: 'http://litellm:4000' },
      "Missing required config value at 'tollgate.sources.litellm[0].apiKey'",
    ],
    [
      { id: 'a/b', apiKey: 'k', baseUrl: 'http://litellm:4000' },
      'Invalid tollgate.sources.litellm[0].id "a/b": expected up to 100 letters',
    ],
    [
      { id: 'gateway', apiKey: 'k', baseUrl: 'litellm:4000' },
      'Invalid tollgate.sources.litellm[0].baseUrl "litellm:4000": expected an absolute http or https URL',
    ],
    [
      { id: 'gateway', apiKey: 'k', baseUrl: 'http://litellm:4000/?key=1' },
      'Invalid tollgate.sources.litellm[0].baseUrl "http://litellm:4000/?key=1": expected a URL without credentials, query or fragment',
    ],
    [
      { id: 'gateway', apiKey: 'sk 1', baseUrl: 'http://litellm:4000' },
      'Invalid tollgate.sources.litellm[0].apiKey: expected a LiteLLM proxy master or admin key without spaces',
    ],
    [
      { id: 'gateway', apiKey: 'k', baseUrl: 'http://l:4000', timeout: 'PT2H' },
      'Invalid tollgate.sources.litellm[0].timeout "PT2H": expected a duration from 1 millisecond to 1 hour',
    ],
    [
      { id: 'gateway', apiKey: 'k', baseUrl: 'http://l:4000', backfillDays: 0 },
      'tollgate.sources.litellm[0]: Invalid backfillDays 0',
    ],
    [
      {
        id: 'gateway',
        apiKey: 'k',
        baseUrl: 'http://l:4000',
        schedule: { frequency: 'often' },
      },
      'tollgate.sources.litellm[0]:',
    ],
  ])('names the key of %j', (entry, message) => {
    expect(() => read([entry as JsonObject])).toThrow(message);
  });

  it('throws input errors that never show the key', () => {
    const entry = { id: 'g', apiKey: 'sk-master secret', baseUrl: 'http://l' };
    expect(() => read([entry])).toThrow(InputError);
    expect(() => read([entry])).not.toThrow(/secret/);
  });

  it('refuses a repeated id', () => {
    expect(() =>
      read([
        { id: 'gateway', apiKey: 'k', baseUrl: 'http://a:4000' },
        { id: 'gateway', apiKey: 'k', baseUrl: 'http://b:4000' },
      ]),
    ).toThrow(
      'Duplicate tollgate.sources.litellm[1].id "gateway": each LiteLLM source needs its own id',
    );
  });
});
