import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
import { FocusCostSource } from '@tollgate/plugin-finops-backend-module-focus';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const SUMMARIZER = 'component:default/summarizer';
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/budget': '100 USD/month',
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: { type: 'capability', owner: 'group:default/ml' },
  },
];

const COLUMNS = [
  'BilledCost',
  'ListCost',
  'EffectiveCost',
  'BillingCurrency',
  'ChargeCategory',
  'ChargeFrequency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeDescription',
  'CommitmentDiscountId',
  'CommitmentDiscountStatus',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ProviderName',
  'ServiceName',
  'SkuId',
  'SkuPriceDetails',
  'Tags',
];

/**
 * A day of an export with a commitment: its purchase (billed whole, effective 0, as
 * FOCUS amortizes it onto the usage it covers), input tokens it covers (billed 0,
 * effective their share) and output tokens it does not cover (billed as effective).
 */
function commitmentExport(day: string): string {
  const row = (values: Record<string, string>) =>
    COLUMNS.map(column => values[column] ?? '').join(',');
  const common = {
    BillingCurrency: 'USD',
    ChargePeriodStart: `${day}T00:00:00Z`,
    ChargePeriodEnd: `${addDays(day, 1)}T00:00:00Z`,
    ProviderName: 'Amazon Web Services',
    ServiceName: 'Amazon Bedrock',
    Tags: `"{""backstage-entity"": ""${SUMMARIZER}""}"`,
  };
  const tokens = (direction: string) =>
    `"{""ModelId"": ""claude-sonnet-4"", ""TokenDirection"": ""${direction}""}"`;
  return [
    COLUMNS.join(','),
    row({
      ...common,
      BilledCost: '300.00',
      ListCost: '300.00',
      EffectiveCost: '0.00',
      ChargeCategory: 'Purchase',
      ChargeFrequency: 'One-Time',
      ChargeDescription: 'Savings plan',
      CommitmentDiscountId: 'sp-1',
      SkuId: 'savings-plan',
    }),
    row({
      ...common,
      BilledCost: '0.00',
      ListCost: '50.00',
      EffectiveCost: '40.00',
      ChargeCategory: 'Usage',
      ChargeFrequency: 'Usage-Based',
      CommitmentDiscountId: 'sp-1',
      CommitmentDiscountStatus: 'Used',
      ConsumedQuantity: '1000000',
      ConsumedUnit: 'Tokens',
      SkuId: 'claude-sonnet-4-input',
      SkuPriceDetails: tokens('Input'),
    }),
    row({
      ...common,
      BilledCost: '2.00',
      ListCost: '2.00',
      EffectiveCost: '2.00',
      ChargeCategory: 'Usage',
      ChargeFrequency: 'Usage-Based',
      ConsumedQuantity: '100000',
      ConsumedUnit: 'Tokens',
      SkuId: 'claude-sonnet-4-output',
      SkuPriceDetails: tokens('Output'),
    }),
  ].join('\n');
}

describe.each(databases.eachSupportedId())(
  'effective and billed cost through the routes on %p',
  databaseId => {
    it('shows the effective cost of a FOCUS export with a commitment on the entity and its budget, and the billed cost in the export', async () => {
      const today = todayUtc();
      const dir = mkdtempSync(join(tmpdir(), 'tollgate-commitment-'));
      writeFileSync(join(dir, 'bedrock.csv'), commitmentExport(today));
      const knex = await databases.init(databaseId);
      const { server, run, stop } = await startFinopsTestBackend({
        entities,
        sources: [
          FocusCostSource.fromConfig(
            new ConfigReader({
              id: 'bedrock',
              paths: [join(dir, 'bedrock.csv')],
              entityTagKey: 'backstage-entity',
            }),
          ),
        ],
        features: [mockServices.database.factory({ knex })],
      });
      const get = async (path: string) =>
        (
          await request(server)
            .get(`/api/finops/v1/${path}`)
            .set(auth)
            .expect(200)
        ).body;
      const expectFigures = async () => {
        const cost = await get(
          `entities/component/default/summarizer/cost?from=${today}&to=${today}&groupBy=tokenType`,
        );
        expect(cost).toMatchObject({ costBasis: 'effective', total: '42.00' });
        expect(cost.breakdown.map((b: any) => [b.key, b.cost]).sort()).toEqual([
          ['(other services)', '0.00'],
          ['input', '40.00'],
          ['output', '2.00'],
        ]);
        const summary = await get(
          `summary?from=${today}&to=${today}&groupBy=entity`,
        );
        expect(summary).toMatchObject({
          costBasis: 'effective',
          total: '42.00',
          groups: [{ key: SUMMARIZER, cost: '42.00' }],
        });
        const budget = await get(
          'entities/component/default/summarizer/budget',
        );
        expect(budget.own).toMatchObject({
          costBasis: 'effective',
          spent: '42.00',
          remaining: '58.00',
          utilization: 42,
          thresholdsCrossed: [],
        });
        // the billed 302.00 would pass the hard budget
        const check = await get(
          `guardrails/check?entityRef=${SUMMARIZER}&estimatedCost=30`,
        );
        expect(check.decision).toBe('allow');

        const csv = await request(server)
          .get(`/api/finops/v1/export/focus?from=${today}&to=${today}`)
          .set(auth)
          .expect(200);
        const [header, ...lines] = csv.text.trim().split('\n');
        expect(header.split(',').slice(0, 3)).toEqual([
          'BilledCost',
          'ListCost',
          'EffectiveCost',
        ]);
        // the three money columns come first, before any quoted field
        const rows = lines.map(line => line.split(',').slice(0, 3));
        expect(rows.sort()).toEqual([
          ['0.00', '50.00', '40.00'],
          ['2.00', '2.00', '2.00'],
          ['300.00', '300.00', '0.00'],
        ]);
      };

      try {
        await run('focus:bedrock', today);
        // stored in this database, the two costs side by side
        expect(
          (
            await knex('finops_cost_records')
              .select('billed_cost', 'effective_cost')
              .orderBy('billed_cost')
          ).map(r => [Number(r.billed_cost), r.effective_cost]),
        ).toEqual([
          [0, expect.anything()],
          [2_000_000, null],
          [300_000_000, expect.anything()],
        ]);
        await expectFigures();
        // a reservation sums the effective spend in the database
        const reserved = await request(server)
          .post('/api/finops/v1/guardrails/reservations')
          .set(auth)
          .send({ entityRef: SUMMARIZER, estimatedCost: '30' })
          .expect(200);
        expect(reserved.body.decision).toBe('allow');
        await request(server)
          .delete(
            `/api/finops/v1/guardrails/reservations/${reserved.body.reservationId}`,
          )
          .set(auth)
          .expect(200);

        // ingesting the unchanged export again changes nothing
        await run('focus:bedrock', today);
        await expectFigures();
      } finally {
        await stop();
      }
    });
  },
);
