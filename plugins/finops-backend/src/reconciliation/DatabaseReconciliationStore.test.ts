import { TestDatabases } from '@backstage/backend-test-utils';
import { addDays } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseReconciliationStore } from './DatabaseReconciliationStore';
import { items, tokenRecord, tokens, usd } from './__testUtils__/tokenRecord';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const SOURCE = 'focus:invoices';
const FIRST_DAY = '2026-08-10';
const DAYS = 3;
const window = { from: FIRST_DAY, to: addDays(FIRST_DAY, DAYS - 1) };
const A = 'component:default/a';
const B = 'component:default/b';

describe.each(databases.eachSupportedId())(
  'DatabaseReconciliationStore on %p',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      // each day: A twice (one without tokens), B once, and a record of another kind
      const records = Array.from({ length: DAYS }, (_, i) => {
        const day = addDays(FIRST_DAY, i);
        return [
          tokenRecord({ day, entityRef: A, billedCostMicros: usd('1.25') }),
          tokenRecord({
            day,
            entityRef: A,
            quantity: undefined,
            billedCostMicros: usd('0.000001'),
          }),
          tokenRecord({
            day,
            entityRef: B,
            quantity: tokens(2_000_000 + i),
            billedCostMicros: usd('5.00'),
          }),
          tokenRecord({
            day,
            entityRef: B,
            dimensionKind: 'operation',
            dimension: 'search',
            billedCostMicros: usd('9.00'),
          }),
        ];
      }).flat();
      await DatabaseCostStore.fromKnex(knex).replaceWindow(
        SOURCE,
        window,
        items(records),
      );
    });

    it('sums the token records of every day of the window, each day apart', async () => {
      const groups = await DatabaseReconciliationStore.fromKnex(
        knex,
      ).tokenRecords({
        sourceId: SOURCE,
        window,
        currency: 'USD',
        byEntity: false,
      });
      expect(
        groups.sort((a, b) => a.day.localeCompare(b.day)).map(g => g.day),
      ).toEqual([FIRST_DAY, addDays(FIRST_DAY, 1), addDays(FIRST_DAY, 2)]);
      expect(groups[2]).toEqual({
        sourceId: SOURCE,
        provider: 'openai',
        model: 'gpt-4o',
        tokenType: 'input',
        day: addDays(FIRST_DAY, 2),
        unit: 'tokens',
        quantity: tokens(3_000_002),
        withoutQuantity: 1,
        billedMicros: usd('6.250001'),
      });
    });

    it('sums them by entity when asked', async () => {
      const groups = await DatabaseReconciliationStore.fromKnex(
        knex,
      ).tokenRecords({
        sourceId: SOURCE,
        window,
        currency: 'USD',
        byEntity: true,
      });
      expect(groups).toHaveLength(2 * DAYS);
      const a = groups.filter(g => g.entityRef === A);
      expect(a.map(g => g.billedMicros)).toEqual(
        Array(DAYS).fill(usd('1.250001')),
      );
      expect(a.map(g => g.withoutQuantity)).toEqual(Array(DAYS).fill(1));
    });

    it('answers nothing for a window without records', async () => {
      const groups = await DatabaseReconciliationStore.fromKnex(
        knex,
      ).tokenRecords({
        sourceId: SOURCE,
        window: { from: '2026-09-01', to: '2026-09-30' },
        currency: 'USD',
        byEntity: false,
      });
      expect(groups).toEqual([]);
    });
  },
);
