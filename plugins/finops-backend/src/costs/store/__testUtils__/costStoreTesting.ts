import { TestDatabases } from '@backstage/backend-test-utils';
import { CostRecord } from '@tollgate/plugin-finops-common';
import { migrateFinopsDatabase } from '../../../database/migrateFinopsDatabase';
import { DatabaseCostStore } from '../DatabaseCostStore';
import { StoredItem } from '../CostStore';
import { CostPrecedence } from '../CostPrecedence';

/**
 * A migrated database of the given id, and a cost store on it that counts spend by
 * the precedence given (metered usage lowest unless told otherwise).
 */
export async function createCostStore(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  precedence?: CostPrecedence,
) {
  const knex = await databases.init(databaseId);
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  };
  await migrateFinopsDatabase(database as any);
  return { knex, store: DatabaseCostStore.fromKnex(knex, precedence) };
}

/**
 * Describes the tests once on each database the tests can reach. `createStore` gives
 * a test a cost store on a freshly migrated database, counting spend by the
 * precedence given (metered usage lowest unless told otherwise).
 */
export function describeOnEachDatabase(
  name: string,
  tests: (
    createStore: (
      precedence?: CostPrecedence,
    ) => ReturnType<typeof createCostStore>,
  ) => void,
) {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  describe.each(databases.eachSupportedId())(`${name} on %p`, databaseId => {
    tests(precedence => createCostStore(databases, databaseId, precedence));
  });
}

/** A cost record of the summarizer's input tokens, with the given fields. */
export function record(overrides: Partial<CostRecord>): StoredItem {
  return {
    type: 'cost',
    record: {
      day: '2026-11-01',
      entityRef: 'component:default/summarizer',
      costCenter: 'cc-1',
      team: 'ml',
      provider: 'openai',
      service: 'OpenAI API',
      model: 'gpt-4o',
      dimensionKind: 'tokenType',
      dimension: 'input',
      quantity: 1_000_000_000n,
      unit: 'tokens',
      billedCostMicros: 2_500_000n,
      currency: 'USD',
      ...overrides,
    },
  };
}

/** The items as a source streams them, failing after `failAfter` of them. */
export async function* items(list: StoredItem[], failAfter?: number) {
  let count = 0;
  for (const item of list) {
    if (failAfter !== undefined && count++ >= failAfter) {
      throw new Error('source broke mid-stream');
    }
    yield item;
  }
}

export const window = { from: '2026-11-01', to: '2026-11-02' };
export const entity = {
  entityRefs: ['component:default/summarizer'],
  currency: 'USD',
};

/** Two entity days of two providers, and spend of no entity. */
export const sample = [
  record({}),
  record({
    dimension: 'output',
    billedCostMicros: 10_000_000n,
    quantity: 1_000_000n * 1_000_000n,
  }),
  record({
    day: '2026-11-02',
    model: 'claude-sonnet-4',
    provider: 'anthropic',
    billedCostMicros: 333_333n,
  }),
  record({
    entityRef: undefined,
    costCenter: undefined,
    team: undefined,
    billedCostMicros: 1_000_001n,
  }),
];
