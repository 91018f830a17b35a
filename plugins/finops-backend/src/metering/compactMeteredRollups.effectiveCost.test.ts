import { TestDatabases } from '@backstage/backend-test-utils';
import { CostRecord } from '@tollgate/plugin-finops-common';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { EFFECTIVE_COST_SQL } from '../costs/store/effectiveCost';
import { DatabaseMeteringStore } from './DatabaseMeteringStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const DAY = '2026-11-20';
const A = 'component:default/a';

function input(billed: number, effective?: number): CostRecord {
  return {
    day: DAY,
    entityRef: A,
    provider: 'openai',
    service: 'openai API',
    model: 'gpt-4o',
    dimensionKind: 'tokenType',
    dimension: 'input',
    billedCostMicros: BigInt(billed),
    ...(effective === undefined
      ? {}
      : { effectiveCostMicros: BigInt(effective) }),
    currency: 'USD',
  };
}

describe.each(databases.eachSupportedId())(
  'compactMeteredRollups of effective costs on %p',
  databaseId => {
    it('merges the effective cost as every query reads it: NULL while every row is', async () => {
      const knex = await databases.init(databaseId);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      const store = DatabaseMeteringStore.fromKnex(knex);
      const report = (id: string, records: CostRecord[]) =>
        store.recordUsage(
          [{ id, day: DAY, entityRef: A, measure: 'cost', records }],
          new Date(`${DAY}T10:00:00Z`),
        );
      const sums = async (table: string) => {
        const rows = await knex(table)
          .where('entity_ref', A)
          .select(
            knex.raw('COUNT(*) AS count_rows'),
            knex.raw('COUNT(effective_cost) AS with_effective'),
            knex.raw('SUM(billed_cost) AS billed'),
            knex.raw(`SUM(${EFFECTIVE_COST_SQL}) AS effective`),
          );
        const [row] = rows;
        return [
          Number(row.count_rows),
          Number(row.with_effective),
          Number(row.billed),
          Number(row.effective),
        ];
      };

      await report('plain-1', [input(100)]);
      await report('plain-2', [input(200)]);
      await store.compact(DAY, [A]);
      // rows, rows with an effective cost, billed, effective
      expect(await sums('finops_daily_costs')).toEqual([1, 0, 300, 300]);
      expect(await sums('finops_summary_costs')).toEqual([1, 0, 300, 300]);

      await report('covered', [input(0, 50)]);
      await report('bought', [input(1000, 0)]);
      await store.compact(DAY, [A]);
      expect(await sums('finops_daily_costs')).toEqual([1, 1, 1300, 350]);
      expect(await sums('finops_summary_costs')).toEqual([1, 1, 1300, 350]);
    });
  },
);
