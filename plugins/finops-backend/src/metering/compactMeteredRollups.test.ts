import { TestDatabases } from '@backstage/backend-test-utils';
import { CostRecord } from '@tollgate/plugin-finops-common';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { DatabaseMeteringStore } from './DatabaseMeteringStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const DAY = '2026-11-20';
const A = 'component:default/a';
const B = 'component:default/b';

function tokens(
  entityRef: string,
  dimension: string,
  micros: number,
): CostRecord {
  return {
    day: DAY,
    entityRef,
    team: 'ml',
    provider: 'openai',
    service: 'openai API',
    model: 'gpt-4o',
    dimensionKind: 'tokenType',
    dimension,
    quantity: 1_000_000n,
    unit: 'tokens',
    billedCostMicros: BigInt(micros),
    currency: 'USD',
  };
}

describe.each(databases.eachSupportedId())(
  'compactMeteredRollups on %p',
  databaseId => {
    it("merges an entity's metered rollup rows into one per group, totals unchanged", async () => {
      const knex = await databases.init(databaseId);
      await migrateFinopsDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      const store = DatabaseMeteringStore.fromKnex(knex);
      // five reports, each its own rows
      for (let i = 0; i < 5; i++) {
        await store.recordUsage(
          [
            {
              id: `e-${i}`,
              day: DAY,
              entityRef: A,
              measure: 'tokens',
              model: 'gpt-4o',
              records: [tokens(A, 'input', 100 + i), tokens(A, 'output', 1000)],
            },
            {
              id: `f-${i}`,
              day: DAY,
              entityRef: B,
              measure: 'tokens',
              model: 'gpt-4o',
              records: [tokens(B, 'input', 7)],
            },
          ],
          new Date(`${DAY}T10:00:0${i}Z`),
        );
      }
      const rows = async (table: string, entityRef: string) =>
        knex(table)
          .where({ entity_ref: entityRef })
          .then(found =>
            found.map(row => ({
              billed: Number(row.billed_cost),
              ...(row.dimension ? { dimension: row.dimension } : {}),
              ...(row.record_count !== undefined
                ? {
                    records: Number(row.record_count),
                    quantity: Number(row.quantity),
                  }
                : {}),
            })),
          );
      expect(await rows('finops_daily_costs', A)).toHaveLength(10);
      expect(await rows('finops_summary_costs', A)).toHaveLength(5);

      await store.compact(DAY, [A]);
      expect(
        (await rows('finops_daily_costs', A)).sort((x, y) =>
          x.dimension.localeCompare(y.dimension),
        ),
      ).toEqual([
        { dimension: 'input', billed: 510, records: 5, quantity: 5_000_000 },
        { dimension: 'output', billed: 5000, records: 5, quantity: 5_000_000 },
      ]);
      expect(await rows('finops_summary_costs', A)).toEqual([{ billed: 5510 }]);
      // other entities' rows are left as written
      expect(await rows('finops_summary_costs', B)).toHaveLength(5);
      // merging again changes nothing
      await store.compact(DAY, [A]);
      expect(await rows('finops_summary_costs', A)).toEqual([{ billed: 5510 }]);
    });
  },
);
