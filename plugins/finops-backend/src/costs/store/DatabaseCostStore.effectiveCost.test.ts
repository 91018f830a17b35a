import { CostRecord, formatMicros } from '@tollgate/plugin-finops-common';
import { describeOnEachDatabase } from './__testUtils__/costStoreTesting';
import { DatabaseCostStore } from './DatabaseCostStore';
import { ExportedCostRow, StoredItem } from './CostStore';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';
const window = { from: '2026-11-01', to: '2026-11-02' };

function cost(overrides: Partial<CostRecord>): StoredItem {
  return {
    type: 'cost',
    record: {
      day: '2026-11-01',
      entityRef: SUMMARIZER,
      costCenter: 'cc-1',
      team: 'ml',
      provider: 'aws',
      service: 'Amazon Bedrock',
      model: 'claude-sonnet-4',
      dimensionKind: 'tokenType',
      dimension: 'input',
      quantity: 1_000_000n,
      unit: 'tokens',
      billedCostMicros: 0n,
      currency: 'USD',
      ...overrides,
    },
  };
}

/**
 * A commitment bought by the cost center (billed whole, effective 0), usage it covers
 * (billed 0, effective its share), usage it does not cover (no effective cost), and
 * usage whose effective cost a source gives equal to its billed cost.
 */
const records = [
  cost({
    entityRef: undefined,
    model: undefined,
    dimensionKind: 'usage',
    dimension: 'Commitment purchase',
    quantity: undefined,
    unit: undefined,
    billedCostMicros: 30_000_000n,
    effectiveCostMicros: 0n,
  }),
  cost({ billedCostMicros: 0n, effectiveCostMicros: 4_000_000n }),
  cost({ day: '2026-11-02', billedCostMicros: 1_000_000n }),
  cost({
    day: '2026-11-02',
    dimension: 'output',
    billedCostMicros: 500_000n,
    effectiveCostMicros: 500_000n,
  }),
];
// 4.00 + 1.00 + 0.50 effective; 30.00 + 1.00 + 0.50 billed
const EFFECTIVE = '5.50';
const BILLED = '31.50';

async function* items(list: StoredItem[]) {
  yield* list;
}

async function exported(store: DatabaseCostStore) {
  const rows: ExportedCostRow[] = [];
  for await (const row of store.exportRows(window)) rows.push(row);
  const sum = (of: (row: ExportedCostRow) => bigint) =>
    formatMicros(rows.reduce((total, row) => total + of(row), 0n));
  return {
    rows,
    billed: sum(r => r.billedCostMicros),
    effective: sum(r => r.effectiveCostMicros ?? r.billedCostMicros),
  };
}

describeOnEachDatabase(
  'DatabaseCostStore effective cost',
  createMigratedStore => {
    async function createStore() {
      const { knex, store } = await createMigratedStore();
      await store.replaceWindow('focus:invoice', window, items(records));
      return { knex, store };
    }

    it('sums the effective cost in every query of spend, and exports both costs', async () => {
      const { knex, store } = await createStore();
      const entity = { entityRefs: [SUMMARIZER], window, currency: 'USD' };
      const money = (micros: bigint) => formatMicros(micros);

      expect(money(await store.entityTotal(entity))).toBe(EFFECTIVE);
      expect(
        (await store.entityDaily({ ...entity, groupBy: 'model' })).map(d => [
          d.day,
          money(d.costMicros),
        ]),
      ).toEqual([
        ['2026-11-01', '4.00'],
        ['2026-11-02', '1.50'],
      ]);
      expect(
        (await store.entityBreakdown({ ...entity, groupBy: 'tokenType' }))
          .map(b => [b.key, money(b.costMicros)])
          .sort(),
      ).toEqual([
        ['input', '5.00'],
        ['output', '0.50'],
      ]);
      expect(
        (await store.entitiesDaily(entity)).map(d => money(d.costMicros)),
      ).toEqual(['4.00', '1.50']);
      expect(
        money(
          (await store.entitiesCostLines(entity)).reduce(
            (sum, line) => sum + line.costMicros,
            0n,
          ),
        ),
      ).toBe(EFFECTIVE);

      // the purchase is the cost center's, and amortized away
      expect(money(await store.unallocatedTotal(window, 'USD'))).toBe('0.00');
      const byCostCenter = { window, currency: 'USD' };
      expect(
        await store.summaryGroups({ ...byCostCenter, groupBy: 'costCenter' }),
      ).toEqual([{ key: 'cc-1', costMicros: 5_500_000n }]);
      expect(
        (
          await store.summaryDaily({ ...byCostCenter, groupBy: 'costCenter' })
        ).map(d => money(d.costMicros)),
      ).toEqual(['4.00', '1.50']);
      expect(
        (await store.dailySpend({ ...byCostCenter, by: 'costCenter' }))
          .map(d => [d.day, money(d.costMicros)])
          .sort(),
      ).toEqual([
        ['2026-11-01', '4.00'],
        ['2026-11-02', '1.50'],
      ]);
      expect(
        await store.scopeAllocation({ ...byCostCenter, by: 'costCenter' }),
      ).toEqual([
        { key: 'cc-1', totalMicros: 5_500_000n, unallocatedMicros: 0n },
      ]);
      expect(
        money(
          (await store.dimensionDaily(window, 'USD')).reduce(
            (sum, d) => sum + d.costMicros,
            0n,
          ),
        ),
      ).toBe(EFFECTIVE);

      const { rows, billed, effective } = await exported(store);
      expect([billed, effective]).toEqual([BILLED, EFFECTIVE]);
      expect(
        rows
          .map(r => [r.dimension, r.billedCostMicros, r.effectiveCostMicros])
          .sort(),
      ).toEqual([
        ['Commitment purchase', 30_000_000n, 0n],
        ['input', 0n, 4_000_000n],
        ['input', 1_000_000n, undefined],
        ['output', 500_000n, undefined],
      ]);
      // an effective cost equal to the billed one is stored as NULL, as is an absent one
      const [{ count }] = await knex('finops_cost_records')
        .whereNull('effective_cost')
        .count({ count: '*' });
      expect(Number(count)).toBe(2);
    });

    it('keeps both costs when a window is ingested again and when records are attributed anew', async () => {
      const { store } = await createStore();
      await store.replaceWindow('focus:invoice', window, items(records));
      const entity = { entityRefs: [SUMMARIZER], window, currency: 'USD' };
      expect(formatMicros(await store.entityTotal(entity))).toBe(EFFECTIVE);
      expect(await exported(store)).toMatchObject({
        billed: BILLED,
        effective: EFFECTIVE,
      });

      // the purchase given to the entity adds nothing to its effective spend
      await store.reattributeWindow('focus:invoice', window, r =>
        r.entityRef ? r : { ...r, entityRef: SUMMARIZER },
      );
      expect(formatMicros(await store.entityTotal(entity))).toBe(EFFECTIVE);
      expect(
        (await store.entityBreakdown({ ...entity, groupBy: 'source' })).map(b =>
          formatMicros(b.costMicros),
        ),
      ).toEqual([EFFECTIVE]);
      expect(await exported(store)).toMatchObject({
        billed: BILLED,
        effective: EFFECTIVE,
      });
    });
  },
);
