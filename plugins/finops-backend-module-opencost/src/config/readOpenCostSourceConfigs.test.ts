import { ConfigReader, JsonObject } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readOpenCostSourceConfigs } from './readOpenCostSourceConfigs';

function read(entries: JsonObject[], tollgate: JsonObject = {}) {
  return readOpenCostSourceConfigs(
    new ConfigReader({
      tollgate: { ...tollgate, sources: { opencost: entries } },
    }),
  );
}

describe('readOpenCostSourceConfigs', () => {
  it('answers nothing without entries', () => {
    expect(readOpenCostSourceConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('applies the defaults', () => {
    expect(read([{ id: 'prod-eu', baseUrl: 'http://opencost:9003/' }])).toEqual(
      [
        {
          id: 'prod-eu',
          baseUrl: 'http://opencost:9003',
          flavor: 'opencost',
          aggregate: 'label:backstage.io/kubernetes-id',
          idle: 'unallocated',
          token: undefined,
          cluster: undefined,
          currency: 'USD',
          timeoutMs: 60_000,
          workloadLabelDays: 7,
          schedule: {
            lookbackDays: undefined,
            backfillDays: undefined,
            windowDays: undefined,
          },
        },
      ],
    );
  });

  it('reads every option', () => {
    const [config] = read(
      [
        {
          id: 'kc',
          baseUrl: 'https://kubecost.example.com/cost',
          flavor: 'kubecost',
          aggregate: 'label:app',
          idle: 'share',
          token: 'sekret',
          cluster: 'prod-eu',
          timeout: { seconds: 30 },
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
          lookbackDays: 3,
          backfillDays: 14,
          workloadLabelDays: 0,
        },
      ],
      { currency: 'EUR' },
    );
    expect(config).toMatchObject({
      id: 'kc',
      baseUrl: 'https://kubecost.example.com/cost',
      flavor: 'kubecost',
      aggregate: 'label:app',
      idle: 'share',
      token: 'sekret',
      cluster: 'prod-eu',
      currency: 'EUR',
      timeoutMs: 30_000,
      workloadLabelDays: 0,
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 5 },
        lookbackDays: 3,
        backfillDays: 14,
      },
    });
    expect(
      read([{ id: 'a', baseUrl: 'http://x', timeout: 'PT2M' }])[0].timeoutMs,
    ).toBe(120_000);
  });

  it.each([
    [{ id: 'a b', baseUrl: 'http://x' }, 'tollgate.sources.opencost[0].id'],
    [
      { id: 'a', baseUrl: 'opencost:9003' },
      'tollgate.sources.opencost[0].baseUrl',
    ],
    [{ id: 'a', baseUrl: 'ftp://x' }, 'tollgate.sources.opencost[0].baseUrl'],
    [
      { id: 'a', baseUrl: 'http://x?window=7d' },
      'tollgate.sources.opencost[0].baseUrl',
    ],
    [
      { id: 'a', baseUrl: 'http://x', flavor: 'cloudability' },
      'flavor "cloudability": expected one of opencost, kubecost',
    ],
    [
      { id: 'a', baseUrl: 'http://x', idle: 'drop' },
      'idle "drop": expected one of ignore, unallocated, share',
    ],
    [
      { id: 'a', baseUrl: 'http://x', aggregate: 'namespace,label:app' },
      'aggregate',
    ],
    [{ id: 'a', baseUrl: 'http://x', aggregate: 'label' }, 'aggregate'],
    [{ id: 'a', baseUrl: 'http://x', currency: 'usd' }, 'currency "usd"'],
    [{ id: 'a', baseUrl: 'http://x', token: ' ' }, 'token'],
    [{ id: 'a', baseUrl: 'http://x', timeout: { months: 1 } }, 'timeout'],
    [{ id: 'a', baseUrl: 'http://x', timeout: 'soon' }, 'timeout'],
    [
      { id: 'a', baseUrl: 'http://x', workloadLabelDays: 1.5 },
      'workloadLabelDays 1.5: expected a whole number of days from 0 (off) to 366',
    ],
    [
      { id: 'a', baseUrl: 'http://x', workloadLabelDays: -1 },
      'workloadLabelDays',
    ],
  ])('refuses %j naming the key', (entry, message) => {
    expect(() => read([entry])).toThrow(InputError);
    expect(() => read([entry])).toThrow(message);
  });

  it('refuses duplicate ids', () => {
    expect(() =>
      read([
        { id: 'a', baseUrl: 'http://x' },
        { id: 'a', baseUrl: 'http://y' },
      ]),
    ).toThrow('Duplicate tollgate.sources.opencost[1].id "a"');
  });
});
