import {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { CostSource } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth,
} from '../__testUtils__/startFinopsTestBackend';
import {
  RECORDED_DAY,
  RECORDED_TOTAL,
  claiming,
  openAiOrgSource,
} from './__testUtils__/openAiOrgSource';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const INSIGHTS = 'component:default/insights';
const period = `from=${RECORDED_DAY}&to=${RECORDED_DAY}`;

/** GETs of the finops API as a signed-in user, answering the body of a 200. */
function getter(server: Parameters<typeof request>[0]) {
  return (path: string) =>
    request(server)
      .get(`/api/finops/v1/${path}`)
      .set(userAuth)
      .expect(200)
      .then(r => r.body);
}
const TRIAGE = 'component:default/triage';

/** The catalog: a project claimed once, a key inside it claimed by another, a project claimed twice. */
const catalog = () => [
  claiming('summarizer', {
    'tollgate.dev/openai-projects': 'proj_abc',
    'tollgate.dev/cost-center': 'cc-4100',
  }),
  claiming('insights', {
    'tollgate.dev/openai-projects': 'proj_shared',
    'tollgate.dev/api-keys': 'key_batch',
  }),
  claiming('triage', { 'tollgate.dev/openai-projects': 'proj_shared' }),
];

describe.each(databases.eachSupportedId())(
  'attribution of vendor spend on %p',
  databaseId => {
    it('gives claimed ids their entity, keeps and names the rest, and counts each record once', async () => {
      const knex = await databases.init(databaseId);
      const entities = catalog();
      // The mock scheduler runs a task when told to, as one tick of its schedule.
      const scheduler = mockServices.scheduler() as SchedulerService & {
        factory(): ServiceFactory;
      };
      const backend = await startFinopsTestBackend({
        sources: [openAiOrgSource],
        entities,
        features: [
          mockServices.database.factory({ knex }),
          scheduler.factory(),
        ],
      });
      const get = getter(backend.server);
      const costOf = async (name: string) =>
        (await get(`entities/component/default/${name}/cost?${period}`)).total;
      try {
        await backend.run('openai:org', RECORDED_DAY);

        // a project claimed by one entity lands on it; a key's claim decides first
        expect(await costOf('summarizer')).toBe('1.255874');
        expect(await costOf('insights')).toBe('0.40');
        expect(await costOf('triage')).toBe('0.00');
        const summary = await get(`summary?${period}&groupBy=costCenter`);
        expect(summary).toMatchObject({
          total: RECORDED_TOTAL,
          unallocated: '18.545679',
        });
        expect(summary.groups).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ key: 'cc-4100', cost: '1.255874' }),
          ]),
        );

        // what no single entity claims is listed by id with how to claim it
        const unallocated = await get(`unallocated?${period}`);
        expect(unallocated).toEqual({
          from: RECORDED_DAY,
          to: RECORDED_DAY,
          currency: 'USD',
          costBasis: 'effective',
          total: '18.545679',
          vendorIds: [
            {
              vendor: 'openai',
              tag: 'openai.project_id',
              id: 'proj_shared',
              annotation: 'tollgate.dev/openai-projects',
              cost: '3.00',
              claimedBy: [INSIGHTS, TRIAGE],
              howToClaim: `${INSIGHTS} and ${TRIAGE} all claim "proj_shared" through tollgate.dev/openai-projects: keep it on the one whose spend it is and remove it from the others.`,
            },
            {
              vendor: 'openai',
              tag: 'openai.project_id',
              id: 'proj_def',
              annotation: 'tollgate.dev/openai-projects',
              cost: '2.50',
              claimedBy: [],
              howToClaim:
                'Add "tollgate.dev/openai-projects: proj_def" under metadata.annotations of the Component or System whose spend it is (or add "proj_def" to the comma-separated ids it already lists there).',
            },
          ],
          unknownEntities: [
            {
              entityRef: 'component:default/ghost',
              cost: '0.70',
              howToClaim: expect.stringContaining(
                'Register component:default/ghost in the catalog',
              ),
            },
          ],
          other: '12.345679',
        });

        // the project claimed twice is a finding on both entities, naming both
        const findings = await get(
          'governance/findings?rule=unique-vendor-ids',
        );
        expect(findings.items).toEqual(
          [INSIGHTS, TRIAGE].map(entityRef => ({
            ruleId: 'unique-vendor-ids',
            level: 'advisory',
            entityRef,
            annotation: 'tollgate.dev/openai-projects',
            message: `"proj_shared" in tollgate.dev/openai-projects is claimed by ${INSIGHTS} and ${TRIAGE}: its spend stays unallocated while more than one entity claims it`,
            howToFix: expect.stringContaining('remove it from the others'),
          })),
        );

        // an entity claiming the unclaimed project later gets its stored spend
        entities.push(
          claiming('search', { 'tollgate.dev/openai-projects': 'proj_def' }),
        );
        await scheduler.triggerTask('finops-budget-snapshot');
        expect(await costOf('search')).toBe('2.50');
        const after = await get(`unallocated?${period}`);
        expect(after.total).toBe('16.045679');
        expect(after.vendorIds.map((v: any) => v.id)).toEqual(['proj_shared']);
        expect(await get(`summary?${period}&groupBy=costCenter`)).toMatchObject(
          { total: RECORDED_TOTAL, unallocated: '16.045679' },
        );

        // ingesting the window again changes nothing
        await backend.run('openai:org', RECORDED_DAY);
        expect(await get(`unallocated?${period}`)).toEqual(after);
        expect(await costOf('summarizer')).toBe('1.255874');
        expect(await costOf('search')).toBe('2.50');
        expect(await get(`summary?${period}&groupBy=entity`)).toMatchObject({
          total: RECORDED_TOTAL,
          unallocated: '16.045679',
        });
      } finally {
        await backend.stop();
      }
    });

    it("names a vendor's unclaimed spend as covered where the invoice's untagged spend of the day counts instead", async () => {
      const knex = await databases.init(databaseId);
      const invoice: CostSource = {
        id: 'focus:invoice',
        type: 'focus',
        authority: 'invoice',
        schedule: { frequency: { trigger: 'manual' } },
        async *fetch() {
          yield {
            type: 'cost',
            record: {
              day: RECORDED_DAY,
              provider: 'openai',
              service: 'OpenAI API',
              dimensionKind: 'usage',
              dimension: 'usage',
              billedCostMicros: 20_000_000n,
              currency: 'USD',
            },
          };
        },
      };
      const backend = await startFinopsTestBackend({
        sources: [openAiOrgSource, invoice],
        entities: catalog(),
        features: [mockServices.database.factory({ knex })],
      });
      const get = getter(backend.server);
      try {
        await backend.run('openai:org', RECORDED_DAY);
        await backend.run('focus:invoice', RECORDED_DAY);

        // the invoice's untagged 20 USD holds the vendor's unallocated spend: once
        expect(await get(`summary?${period}&groupBy=entity`)).toMatchObject({
          total: '21.655874',
          unallocated: '20.00',
        });
        const unallocated = await get(`unallocated?${period}`);
        expect(unallocated).toMatchObject({
          total: '20.00',
          unknownEntities: [],
          other: '20.00',
        });
        expect(
          unallocated.vendorIds.map((v: any) => [v.id, v.cost, v.coveredCost]),
        ).toEqual([
          ['proj_shared', '0.00', '3.00'],
          ['proj_def', '0.00', '2.50'],
        ]);
      } finally {
        await backend.stop();
      }
    });
  },
);
