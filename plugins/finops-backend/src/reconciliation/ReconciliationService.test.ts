import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CostRecord } from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import {
  CostPrecedence,
  DEFAULT_PRECEDENCE,
} from '../costs/store/CostPrecedence';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';
import { METERED_SOURCE_ID } from '../costs/store/meteredSource';
import { ConfigPriceBook } from '../pricing/ConfigPriceBook';
import { DatabaseReconciliationStore } from './DatabaseReconciliationStore';
import { ReconciliationService } from './ReconciliationService';
import { items, tokenRecord, tokens, usd } from './__testUtils__/tokenRecord';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const SOURCES: Array<Pick<CostSource, 'id' | 'authority'>> = [
  { id: 'focus:invoices', authority: 'invoice' },
  { id: 'openai:org', authority: 'vendor-api' },
  { id: 'prometheus:main', authority: 'telemetry' },
];
const DAY = '2026-08-10';
const window = { from: DAY, to: DAY };
const A = 'component:default/a';
const B = 'component:default/b';

/** gpt-4o input of one day as each kind of source says it (the price book: 2.50/M). */
const RECORDS: Record<string, CostRecord[]> = {
  'focus:invoices': [
    tokenRecord({
      provider: 'OpenAI',
      quantity: tokens(2_000_000),
      billedCostMicros: usd('5.00'),
    }),
  ],
  'openai:org': [
    // usage: tokens and no money; cost: money and no tokens
    tokenRecord({ model: 'gpt-4o-2024-08-06', quantity: tokens(2_100_000) }),
    tokenRecord({
      model: 'gpt-4o-2024-08-06',
      quantity: undefined,
      unit: undefined,
      billedCostMicros: usd('5.10'),
    }),
  ],
  'prometheus:main': [
    tokenRecord({
      entityRef: A,
      quantity: tokens(1_800_000),
      billedCostMicros: usd('4.50'),
    }),
  ],
  // A's metered usage is the calls Prometheus saw: it counts once
  [METERED_SOURCE_ID]: [
    tokenRecord({ entityRef: A, billedCostMicros: usd('2.50') }),
    tokenRecord({
      entityRef: B,
      quantity: tokens(400_000),
      billedCostMicros: usd('1.00'),
    }),
  ],
};

describe.each(databases.eachSupportedId())(
  'ReconciliationService on %p',
  databaseId => {
    let knex: Knex;
    let costStore: DatabaseCostStore;

    async function write(sourceId: string, records: CostRecord[]) {
      await costStore.replaceWindow(sourceId, window, items(records));
    }

    function service(driftAlertPercent = 5) {
      const precedence = new CostPrecedence(DEFAULT_PRECEDENCE, SOURCES);
      return new ReconciliationService({
        store: DatabaseReconciliationStore.fromKnex(knex),
        sources: () => SOURCES,
        rank: id => precedence.rank(id),
        prices: ConfigPriceBook.fromConfig(new ConfigReader({})),
        currency: 'USD',
        driftAlertPercent,
      });
    }

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      costStore = DatabaseCostStore.fromKnex(
        knex,
        new CostPrecedence(DEFAULT_PRECEDENCE, SOURCES),
      );
      for (const [sourceId, records] of Object.entries(RECORDS)) {
        await write(sourceId, records);
      }
    });

    const expectedDay = {
      invoice: { quantity: '2000000', cost: '5.00' },
      vendorCost: { cost: '5.10' },
      vendorUsage: { quantity: '2100000', cost: '5.25' },
      metered: { quantity: '2200000', cost: '5.50' },
      reference: 'invoice',
      drift: {
        vendorCost: { amount: '0.10', percent: 2 },
        vendorUsage: { amount: '0.25', percent: 5 },
        metered: { amount: '0.50', percent: 10 },
      },
    };

    it('sets the four figures side by side, exactly, with their drift against the invoice', async () => {
      // the invoice counts: the other sources' rollups are superseded, their records kept
      const answer = await service().reconcile({ window });
      expect(answer).toEqual({
        from: DAY,
        to: DAY,
        currency: 'USD',
        costBasis: 'billed',
        driftAlertPercent: 5,
        sources: [
          { id: 'focus:invoices', authority: 'invoice', figures: ['invoice'] },
          {
            id: 'openai:org',
            authority: 'vendor-api',
            figures: ['vendorUsage', 'vendorCost'],
          },
          {
            id: 'prometheus:main',
            authority: 'telemetry',
            figures: ['metered'],
          },
          { id: 'metered', authority: 'metered', figures: ['metered'] },
        ],
        lines: [
          {
            provider: 'openai',
            model: 'gpt-4o',
            tokenType: 'input',
            ...expectedDay,
            days: [{ day: DAY, ...expectedDay }],
          },
        ],
        priceSuggestions: [],
      });
    });

    it('answers the same after a window is ingested again', async () => {
      const before = await service().reconcile({ window });
      for (const [sourceId, records] of Object.entries(RECORDS)) {
        await write(sourceId, records);
      }
      await write('focus:invoices', RECORDS['focus:invoices']);
      expect(await service().reconcile({ window })).toEqual(before);
    });

    it('names the price the price book has wrong, with the override that fixes it', async () => {
      const days = ['2026-08-10', '2026-08-11', '2026-08-12'];
      const span = { from: days[0], to: days[2] };
      const cacheRead = (overrides: Partial<CostRecord>) =>
        days.map(day =>
          tokenRecord({
            day,
            dimension: 'cache-read',
            quantity: tokens(4_000_000),
            ...overrides,
          }),
        );
      // billed 0.625/M, half of the price book's 1.25/M
      await costStore.replaceWindow(
        'focus:invoices',
        span,
        items(cacheRead({ billedCostMicros: usd('2.50') })),
      );
      await costStore.replaceWindow(
        'openai:org',
        span,
        items(cacheRead({ model: 'gpt-4o-2024-08-06' })),
      );
      const answer = await service().reconcile({ window: span });
      const line = answer.lines.find(l => l.tokenType === 'cache-read')!;
      expect(line).toMatchObject({
        invoice: { quantity: '12000000', cost: '7.50' },
        vendorUsage: { quantity: '12000000', cost: '15.00' },
        drift: { vendorUsage: { amount: '7.50', percent: 100 } },
      });
      expect(answer.priceSuggestions).toEqual([
        {
          provider: 'openai',
          model: 'gpt-4o-2024-08-06',
          differences: [
            {
              tokenType: 'cache-read',
              priceBookPerMillion: '1.25',
              billedPerMillion: '0.625',
              billedBy: 'invoice',
              days: 3,
              from: '2026-08-10',
              to: '2026-08-12',
              message:
                'gpt-4o-2024-08-06 cache reads: price book 1.25/M, billed 0.625/M over 3 days',
            },
          ],
          override: {
            provider: 'openai',
            model: 'gpt-4o-2024-08-06',
            inputPerMillion: '2.5',
            outputPerMillion: '10',
            cacheReadPerMillion: '0.625',
            effectiveFrom: '2026-08-10',
          },
          config: [
            'tollgate:',
            '  pricing:',
            '    models:',
            '      - provider: openai',
            '        model: gpt-4o-2024-08-06',
            '        inputPerMillion: 2.5',
            '        outputPerMillion: 10',
            '        cacheReadPerMillion: 0.625',
            '        effectiveFrom: 2026-08-10',
            '',
          ].join('\n'),
        },
      ]);
      // with the override, the price book agrees with the invoice
      const fixed = ConfigPriceBook.fromConfig(
        new ConfigReader({
          tollgate: {
            pricing: { models: [answer.priceSuggestions[0].override] },
          },
        }),
      );
      const precedence = new CostPrecedence(DEFAULT_PRECEDENCE, SOURCES);
      const again = await new ReconciliationService({
        store: DatabaseReconciliationStore.fromKnex(knex),
        sources: () => SOURCES,
        rank: id => precedence.rank(id),
        prices: fixed,
        currency: 'USD',
        driftAlertPercent: 5,
      }).reconcile({ window: span });
      expect(again.priceSuggestions).toEqual([]);
      expect(
        again.lines.find(l => l.tokenType === 'cache-read')!.drift,
      ).toEqual({ vendorUsage: { amount: '0.00', percent: 0 } });
    });

    it('answers one provider, compared by its slug', async () => {
      await write('openai:org', [
        ...RECORDS['openai:org'],
        tokenRecord({
          provider: 'Anthropic',
          model: 'claude-sonnet-4-20250514',
          quantity: tokens(1_000_000),
        }),
      ]);
      const all = await service().reconcile({ window });
      expect(all.lines.map(l => [l.provider, l.model])).toEqual([
        ['anthropic', 'claude-sonnet-4'],
        ['openai', 'gpt-4o'],
      ]);
      expect(all.lines[0]).toMatchObject({
        vendorUsage: { quantity: '1000000', cost: '3.00' },
        reference: 'vendorUsage',
        drift: {},
      });
      const one = await service().reconcile({ window, provider: 'OpenAI' });
      expect(one.provider).toBe('openai');
      expect(one.lines.map(l => l.provider)).toEqual(['openai']);
    });

    it('keeps tokens the price book has no price for apart, without a cost', async () => {
      await write(METERED_SOURCE_ID, [
        tokenRecord({ entityRef: B, model: 'in-house-llm' }),
      ]);
      const [line] = (await service().reconcile({ window })).lines.filter(
        l => l.model === 'in-house-llm',
      );
      expect(line.metered).toEqual({
        quantity: '1000000',
        unpricedQuantity: '1000000',
      });
      expect(line.reference).toBeUndefined();
    });
  },
);
