import { TestDatabases } from '@backstage/backend-test-utils';
import { CostRecord } from '@tollgate/plugin-finops-common';
import { migrateFinopsDatabase } from '../../database/migrateFinopsDatabase';
import { WindowWriter } from './WindowWriter';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function record(i: number): CostRecord {
  return {
    day: `2026-11-0${1 + (i % 3)}`,
    ...(i % 4 === 0 ? {} : { entityRef: `component:default/c${i % 5}` }),
    ...(i % 6 === 0 ? {} : { costCenter: `cc-${i % 2}`, team: 'ml' }),
    provider: i % 2 ? 'openai' : 'anthropic',
    service: 'AI',
    ...(i % 7 === 0 ? {} : { model: `m${i % 2}` }),
    dimensionKind: 'tokenType',
    dimension: ['input', 'output', 'cache-read'][i % 3],
    ...(i % 5 === 0 ? {} : { quantity: BigInt(1000 + i), unit: 'tokens' }),
    billedCostMicros: BigInt(1_000_003 * i + 7),
    currency: i % 9 === 0 ? 'EUR' : 'USD',
    tags: { 'odd "quoted", tag': `v${i}` },
  };
}

const GROUP = [
  'day',
  'entity_ref',
  'cost_center',
  'team',
  'provider',
  'model',
  'currency',
];

async function sums(
  knex: any,
  table: string,
  columns: string[],
): Promise<string[]> {
  const rows = await knex(table)
    .select(columns)
    .sum({ billed: 'billed_cost' })
    .groupBy(columns);
  return rows
    .map((row: any) =>
      JSON.stringify([...columns.map(c => row[c]), String(row.billed)]),
    )
    .sort();
}

describe.each(databases.eachSupportedId())('WindowWriter on %p', id => {
  it.each([2, 1000])(
    'writes records whose rollups sum to the records, holding at most %d groups',
    async maxGroups => {
      const knex = await databases.init(id);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      const records = Array.from({ length: 300 }, (_, i) => record(i));
      await knex.transaction(async (trx: any) => {
        const writer = new WindowWriter(trx, 'test', maxGroups);
        for (const r of records) {
          await writer.addCost(r);
        }
        await writer.finish();
      });

      const [{ count }] = await knex('finops_cost_records').count({
        count: '*',
      });
      expect(Number(count)).toBe(300);
      const stored = await knex('finops_cost_records').where('id', 1).first();
      expect(JSON.parse(stored.tags)).toEqual(records[0].tags);
      expect(BigInt(stored.billed_cost)).toBe(7n);

      const fromRecords = await sums(knex, 'finops_cost_records', GROUP);
      expect(await sums(knex, 'finops_summary_costs', GROUP)).toEqual(
        fromRecords,
      );
      const detail = [...GROUP, 'dimension_kind', 'dimension', 'unit'];
      expect(await sums(knex, 'finops_daily_costs', detail)).toEqual(
        await sums(knex, 'finops_cost_records', detail),
      );
      const [quantities] = await knex('finops_daily_costs').sum({
        quantity: 'quantity',
        records: 'record_count',
      });
      const expectedQuantity = records.reduce(
        (sum, r) => sum + (r.quantity ?? 0n),
        0n,
      );
      expect(BigInt(quantities.quantity)).toBe(expectedQuantity);
      expect(Number(quantities.records)).toBe(300);
    },
  );
});
