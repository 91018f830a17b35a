import { TestDatabases } from '@backstage/backend-test-utils';
import { resolve } from 'node:path';
import { EFFECTIVE_COST_SQL } from '../costs/store/effectiveCost';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = resolve(__dirname, '../../migrations');
const MIGRATION = '20261209000000_effective_cost.js';
const TABLES = [
  'finops_cost_records',
  'finops_daily_costs',
  'finops_summary_costs',
];

/** The columns a row of the table has, of spend of 2.50 on a day. */
function row(table: string) {
  const columns = {
    source_id: 'focus:invoice',
    day: '2026-11-01',
    entity_ref: 'component:default/summarizer',
    provider: 'openai',
    model: 'gpt-4o',
    currency: 'USD',
    billed_cost: 2_500_000,
  };
  const dimension = { dimension_kind: 'tokenType', dimension: 'input' };
  switch (table) {
    case 'finops_cost_records':
      return { ...columns, ...dimension, service: 'OpenAI API' };
    case 'finops_daily_costs':
      return { ...columns, ...dimension, record_count: 1 };
    default:
      return columns;
  }
}

describe.each(databases.eachSupportedId())(
  'effective cost migration on %p',
  databaseId => {
    it('adds the effective cost, NULL (equal to billed) on every row stored before, and back', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await knex.migrate.down({ directory, name: MIGRATION });
      for (const table of TABLES) {
        expect(await knex.schema.hasColumn(table, 'effective_cost')).toBe(
          false,
        );
        await knex(table).insert(row(table));
      }

      await knex.migrate.up({ directory, name: MIGRATION });
      for (const table of TABLES) {
        const [sums] = await knex(table).select(
          knex.raw('COUNT(effective_cost) AS effective'),
          knex.raw(`SUM(${EFFECTIVE_COST_SQL}) AS cost`),
        );
        expect([table, Number(sums.effective), Number(sums.cost)]).toEqual([
          table,
          0,
          2_500_000,
        ]);
        await knex(table).insert({ ...row(table), effective_cost: 0 });
      }

      await knex.migrate.down({ directory, name: MIGRATION });
      for (const table of TABLES) {
        expect(await knex.schema.hasColumn(table, 'effective_cost')).toBe(
          false,
        );
        const [{ billed }] = await knex(table).sum({ billed: 'billed_cost' });
        expect([table, Number(billed)]).toEqual([table, 5_000_000]);
      }
      // SQLite drops a column by copying the table: its indexes are made again
      const indexes =
        knex.client.driverName === 'pg'
          ? knex('pg_indexes').where('tablename', TABLES[0]).pluck('indexname')
          : knex('sqlite_master')
              .where({ type: 'index', tbl_name: TABLES[0] })
              .pluck('name');
      expect(await indexes).toEqual(
        expect.arrayContaining([
          'finops_cost_records_source_day_idx',
          'finops_cost_records_unallocated_idx',
        ]),
      );
      await knex.destroy();
    });
  },
);
