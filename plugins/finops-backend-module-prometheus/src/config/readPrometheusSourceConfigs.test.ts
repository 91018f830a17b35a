import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DEFAULT_METRIC_NAMES } from './MetricNames';
import { readPrometheusSourceConfigs } from './readPrometheusSourceConfigs';

function read(entries: object[]) {
  return readPrometheusSourceConfigs(
    new ConfigReader({
      tollgate: { sources: { prometheus: entries } },
    } as ConstructorParameters<typeof ConfigReader>[0]),
  );
}

describe('readPrometheusSourceConfigs', () => {
  it('reads nothing when no source is configured', () => {
    expect(readPrometheusSourceConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('applies the defaults', () => {
    expect(read([{ id: 'main', baseUrl: 'http://prometheus:9090/' }])).toEqual([
      {
        id: 'main',
        baseUrl: 'http://prometheus:9090',
        headers: {},
        timeoutMs: 30_000,
        defaultSelector: '{job="{{name}}"}',
        naming: 'both',
        metrics: DEFAULT_METRIC_NAMES.otel,
        schedule: {
          lookbackDays: undefined,
          backfillDays: undefined,
          windowDays: undefined,
        },
      },
    ]);
  });

  it('reads every option', () => {
    const [source] = read([
      {
        id: 'thanos',
        baseUrl: 'https://thanos.example.com/prometheus',
        headers: { 'X-Scope-OrgID': 'tenant-a' },
        token: 's3cret',
        timeout: '45s',
        defaultSelector:
          '{service_name="{{name}}", namespace="{{ namespace }}"}',
        naming: 'utf8',
        metrics: {
          profile: 'naftiko',
          clientHostLabel: 'host',
          tokenUsageUtf8: 'llm.tokens',
        },
        schedule: { frequency: { hours: 2 }, timeout: { minutes: 5 } },
        lookbackDays: 3,
      },
    ]);
    expect(source).toMatchObject({
      id: 'thanos',
      baseUrl: 'https://thanos.example.com/prometheus',
      headers: { 'X-Scope-OrgID': 'tenant-a', Authorization: 'Bearer s3cret' },
      timeoutMs: 45_000,
      naming: 'utf8',
      metrics: {
        ...DEFAULT_METRIC_NAMES.naftiko,
        clientHostLabel: 'host',
        tokenUsageUtf8: 'llm.tokens',
      },
      schedule: {
        frequency: { hours: 2 },
        timeout: { minutes: 5 },
        lookbackDays: 3,
      },
    });
    expect(
      read([{ id: 'a', baseUrl: 'http://p', timeout: { seconds: 5 } }])[0]
        .timeoutMs,
    ).toBe(5000);
  });

  it.each([
    [
      [{ id: 'Bad Id', baseUrl: 'http://p' }],
      /tollgate\.sources\.prometheus\[0\]\.id has invalid value "Bad Id"/,
    ],
    [
      [{ id: 'a', baseUrl: 'prometheus:9090' }],
      /entry "a": baseUrl has invalid value "prometheus:9090"/,
    ],
    [
      [{ id: 'a', baseUrl: 'ftp://p' }],
      /baseUrl has invalid value "ftp:\/\/p"/,
    ],
    [
      [
        { id: 'a', baseUrl: 'http://p' },
        { id: 'a', baseUrl: 'http://q' },
      ],
      /two entries with id "a"/,
    ],
    [
      [{ id: 'a', baseUrl: 'http://p', naming: 'dotted' }],
      /naming has invalid value "dotted": expected one of classic, utf8, both/,
    ],
    [
      [{ id: 'a', baseUrl: 'http://p', metrics: { profile: 'datadog' } }],
      /metrics: profile has invalid value "datadog": expected one of otel, naftiko/,
    ],
    [
      [{ id: 'a', baseUrl: 'http://p', metrics: { serverRequests: 'a"b' } }],
      /metrics\.serverRequests has invalid value/,
    ],
    [
      [{ id: 'a', baseUrl: 'http://p', defaultSelector: 'job="{{name}}"' }],
      /defaultSelector has invalid value .*expected "\{"/,
    ],
    [
      [{ id: 'a', baseUrl: 'http://p', defaultSelector: '{job="{{title}}"}' }],
      /unknown placeholder \{\{title\}\}/,
    ],
    [[{ id: 'a', baseUrl: 'http://p', timeout: 'soon' }], /timeout is invalid/],
    [
      [{ id: 'a', baseUrl: 'http://p', timeout: { seconds: 0 } }],
      /timeout must be longer than zero/,
    ],
    [
      [
        {
          id: 'a',
          baseUrl: 'http://p',
          token: 't',
          headers: { authorization: 'Basic x' },
        },
      ],
      /either token or an Authorization header/,
    ],
    [[{ id: 'a', baseUrl: 'http://p', lookbackDays: -1 }], /lookbackDays/],
  ])('refuses bad entries with an InputError (%#)', (entries, message) => {
    expect(() => read(entries)).toThrow(InputError);
    expect(() => read(entries)).toThrow(message);
  });
});
