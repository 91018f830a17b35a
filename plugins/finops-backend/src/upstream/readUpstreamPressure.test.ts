import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { StoredItem } from '../costs/store/CostStore';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';
import { readUpstreamPressure } from './readUpstreamPressure';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const SUMMARIZER = 'component:default/summarizer';
const TRIAGE = 'component:default/triage';
const IDLE = 'component:default/idle';
const OTHER = 'component:default/other';
const OPENAI = 'api:default/openai-api';

const openaiApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'openai-api', namespace: 'default' },
  spec: { type: 'openapi', owner: 'group:default/platform' },
  relations: [
    { type: 'apiConsumedBy', targetRef: SUMMARIZER },
    { type: 'apiConsumedBy', targetRef: TRIAGE },
    { type: 'apiConsumedBy', targetRef: IDLE },
    { type: 'ownedBy', targetRef: 'group:default/platform' },
  ],
};

function requests(
  entityRef: string,
  day: string,
  labels: Record<string, string>,
  value: number,
): StoredItem {
  const metric: UsageMetric = {
    day,
    entityRef,
    metric: 'upstream.requests',
    labels,
    value,
  };
  return { type: 'metric', metric };
}

async function* items(list: StoredItem[]) {
  yield* list;
}

const host = 'api.openai.com';
const window = { from: '2026-11-01', to: '2026-11-02' };

describe.each(databases.eachSupportedId())(
  'readUpstreamPressure on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const database = {
        getClient: async () => knex,
        migrations: { skip: false },
      };
      await migrateFinopsDatabase(database as any);
      return DatabaseCostStore.fromKnex(knex);
    }

    it("sums the consumers' calls labelled with the API, per consumer and in total", async () => {
      const store = await createStore();
      await store.replaceWindow(
        'prometheus:main',
        { from: '2026-10-31', to: '2026-11-02' },
        items([
          requests(
            SUMMARIZER,
            '2026-11-01',
            { host, status: '200', api: OPENAI },
            900,
          ),
          requests(
            SUMMARIZER,
            '2026-11-01',
            { host, status: '429', api: OPENAI },
            60,
          ),
          requests(
            SUMMARIZER,
            '2026-11-02',
            { host, status: '503', api: OPENAI },
            40,
          ),
          requests(
            SUMMARIZER,
            '2026-11-02',
            { host, status: 'timeout', api: OPENAI },
            30,
          ),
          requests(
            SUMMARIZER,
            '2026-11-02',
            { host, status: '500', api: OPENAI },
            20,
          ),
          requests(
            SUMMARIZER,
            '2026-11-02',
            { host, status: 'error', api: OPENAI },
            10,
          ),
          // another API, a host no API answers, a day outside the window
          requests(
            SUMMARIZER,
            '2026-11-01',
            {
              host: 'api.stripe.com',
              status: '429',
              api: 'api:default/stripe',
            },
            500,
          ),
          requests(
            SUMMARIZER,
            '2026-11-01',
            { host: 'internal', status: '429' },
            500,
          ),
          requests(
            SUMMARIZER,
            '2026-10-31',
            { host, status: '429', api: OPENAI },
            500,
          ),
          // a host two consumed APIs share
          requests(
            TRIAGE,
            '2026-11-01',
            { host, status: '200', api: `api:default/azure-openai,${OPENAI}` },
            75,
          ),
          requests(
            TRIAGE,
            '2026-11-01',
            { host, status: '429', api: `api:default/azure-openai,${OPENAI}` },
            25,
          ),
          // not a consumer in the catalog
          requests(
            OTHER,
            '2026-11-01',
            { host, status: '429', api: OPENAI },
            500,
          ),
        ]),
      );

      await expect(
        readUpstreamPressure(store, openaiApi, window),
      ).resolves.toEqual({
        entityRef: OPENAI,
        from: '2026-11-01',
        to: '2026-11-02',
        consumers: [
          {
            entityRef: SUMMARIZER,
            calls: 1060,
            throttled: 100,
            timeouts: 30,
            errors: 30,
            throttledShare: 100 / 1060,
          },
          {
            entityRef: TRIAGE,
            calls: 100,
            throttled: 25,
            timeouts: 0,
            errors: 0,
            throttledShare: 0.25,
          },
          {
            entityRef: IDLE,
            calls: 0,
            throttled: 0,
            timeouts: 0,
            errors: 0,
            throttledShare: null,
          },
        ],
        total: {
          entityRef: OPENAI,
          calls: 1160,
          throttled: 125,
          timeouts: 30,
          errors: 30,
          throttledShare: 125 / 1160,
        },
      });
    });
  },
);

describe('readUpstreamPressure', () => {
  const noStore = {
    usageMetrics: async () => {
      throw new Error('not read');
    },
  };

  it('answers an API without consumers with no calls, reading nothing', async () => {
    const api = { ...openaiApi, relations: [] };
    const pressure = await readUpstreamPressure(noStore, api, window);
    expect(pressure.consumers).toEqual([]);
    expect(pressure.total).toMatchObject({ calls: 0, throttledShare: null });
  });

  it('refuses entities that are not APIs', async () => {
    const component = { ...openaiApi, kind: 'Component' };
    await expect(
      readUpstreamPressure(noStore, component, window),
    ).rejects.toThrow(
      'Upstream pressure is reported for API entities, not Component',
    );
  });
});
