import { TestDatabases } from '@backstage/backend-test-utils';
import { insertRowValues, insertRows } from './insertRows';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const COLUMNS = ['id', 'name', 'amount', 'note'];

function row(i: number): unknown[] {
  return [
    i,
    `row ${i}\twith a tab,\na line break and a \\ backslash`,
    BigInt(2 ** 53) + BigInt(i),
    i % 3 === 0 ? null : `note ${i}`,
  ];
}

describe.each(databases.eachSupportedId())('insertRows on %s', databaseId => {
  async function table() {
    const knex = await databases.init(databaseId);
    await knex.schema.dropTableIfExists('insert_rows_test');
    await knex.schema.createTable('insert_rows_test', t => {
      t.integer('id').primary();
      t.text('name').notNullable();
      t.bigInteger('amount').notNullable();
      t.text('note').nullable();
    });
    return knex;
  }

  async function stored(knex: any): Promise<unknown[][]> {
    // As text: SQLite's driver reads integers as JavaScript numbers.
    const rows = await knex('insert_rows_test')
      .select('id', 'name', knex.raw('CAST(amount AS TEXT) AS amount'), 'note')
      .orderBy('id');
    return rows.map((r: any) => [r.id, r.name, BigInt(r.amount), r.note]);
  }

  it.each([3, 150])(
    'stores %i rows given as rows or as one array of values, exactly',
    async count => {
      const knex = await table();
      const rows = Array.from({ length: count }, (_, i) => row(i));
      await knex.transaction(async trx => {
        await insertRows(trx, 'insert_rows_test', COLUMNS, rows.slice(0, 2));
        await insertRowValues(
          trx,
          'insert_rows_test',
          COLUMNS,
          rows.slice(2).flat(),
        );
      });
      expect(await stored(knex)).toEqual(rows);
      await insertRowValues(knex, 'insert_rows_test', COLUMNS, []);
      expect(await stored(knex)).toHaveLength(count);
    },
  );
});
