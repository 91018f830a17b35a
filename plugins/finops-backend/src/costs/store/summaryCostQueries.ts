import { DayWindow, SummaryGroupBy } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import {
  CostAggregate,
  DailyAggregate,
  DimensionDailySpend,
  SpendScopeKind,
  SummaryQuery,
} from './CostStore';
import { COST_GROUP_SQL } from './costGroupKeys';
import { EFFECTIVE_COST_SQL } from './effectiveCost';
import { compareBigDesc } from './mergeUnits';
import { ROLLUP_TABLES, Rollup, effectiveSum } from './rollupRows';
import { toBigInt } from '../../database/toBigInt';

export const UNALLOCATED_KEY = '(unallocated)';

/** Each summary grouping's key, and the rollup that has its column. */
const SUMMARY_GROUPS: Record<SummaryGroupBy, { key: string; rollup: Rollup }> =
  {
    costCenter: {
      key: `COALESCE(cost_center, '${UNALLOCATED_KEY}')`,
      rollup: 'summary',
    },
    team: { key: `COALESCE(team, '${UNALLOCATED_KEY}')`, rollup: 'summary' },
    entity: {
      key: `COALESCE(entity_ref, '${UNALLOCATED_KEY}')`,
      rollup: 'summary',
    },
    // a model's spend is its tokens: the dimension kind is in the daily rollup only
    model: { key: COST_GROUP_SQL.model, rollup: 'daily' },
    provider: { key: COST_GROUP_SQL.provider, rollup: 'summary' },
    agent: { key: COST_GROUP_SQL.agent, rollup: 'daily' },
  };

const SPEND_SCOPE_COLUMNS: Record<SpendScopeKind, string> = {
  entity: 'entity_ref',
  team: 'team',
  costCenter: 'cost_center',
};

/** Rows of the summary rollup, or of the daily one where a dimension is needed. */
function summaryRows(
  db: Knex,
  window: DayWindow,
  currency: string,
  rollup: Rollup = 'summary',
) {
  return db(ROLLUP_TABLES[rollup])
    .where('currency', currency)
    .whereBetween('day', [window.from, window.to]);
}

export async function summaryGroups(
  db: Knex,
  query: SummaryQuery,
): Promise<CostAggregate[]> {
  const { key, rollup } = SUMMARY_GROUPS[query.groupBy];
  const rows: any[] = await summaryRows(
    db,
    query.window,
    query.currency,
    rollup,
  )
    .select(db.raw(`${key} AS group_key`), effectiveSum(db))
    .groupBy(db.raw(key));
  return rows
    .map(row => ({
      key: String(row.group_key),
      costMicros: toBigInt(row.cost),
    }))
    .sort((a, b) => compareBigDesc(a.costMicros, b.costMicros));
}

export async function summaryDaily(
  db: Knex,
  query: SummaryQuery,
): Promise<DailyAggregate[]> {
  const { key, rollup } = SUMMARY_GROUPS[query.groupBy];
  const rows: any[] = await summaryRows(
    db,
    query.window,
    query.currency,
    rollup,
  )
    .select('day', db.raw(`${key} AS group_key`), effectiveSum(db))
    .groupBy('day')
    .groupBy(db.raw(key))
    .orderBy('day');
  return rows.map(row => ({
    day: row.day,
    key: String(row.group_key),
    costMicros: toBigInt(row.cost),
  }));
}

export async function unallocatedTotal(
  db: Knex,
  window: DayWindow,
  currency: string,
): Promise<bigint> {
  const [row] = await summaryRows(db, window, currency)
    .whereNull('entity_ref')
    .select(effectiveSum(db));
  return toBigInt(row?.cost);
}

export async function dailySpend(
  db: Knex,
  query: { by: SpendScopeKind; window: DayWindow; currency: string },
): Promise<DailyAggregate[]> {
  const column = SPEND_SCOPE_COLUMNS[query.by];
  const rows: any[] = await summaryRows(db, query.window, query.currency)
    .whereNotNull(column)
    .select('day', `${column} as group_key`, effectiveSum(db))
    .groupBy('day', column);
  return rows.map(row => ({
    day: row.day,
    key: String(row.group_key),
    costMicros: toBigInt(row.cost),
  }));
}

export async function scopeAllocation(
  db: Knex,
  query: { by: 'team' | 'costCenter'; window: DayWindow; currency: string },
): Promise<
  Array<{ key: string; totalMicros: bigint; unallocatedMicros: bigint }>
> {
  const column = SPEND_SCOPE_COLUMNS[query.by];
  const rows: any[] = await summaryRows(db, query.window, query.currency)
    .whereNotNull(column)
    .select(
      `${column} as group_key`,
      db.raw(
        `SUM(CASE WHEN entity_ref IS NULL THEN ${EFFECTIVE_COST_SQL} ELSE 0 END) AS unallocated`,
      ),
      effectiveSum(db),
    )
    .groupBy(column);
  return rows.map(row => ({
    key: String(row.group_key),
    totalMicros: toBigInt(row.cost),
    unallocatedMicros: toBigInt(row.unallocated),
  }));
}

export async function dimensionDaily(
  db: Knex,
  window: DayWindow,
  currency: string,
): Promise<DimensionDailySpend[]> {
  const rows: any[] = await summaryRows(db, window, currency, 'daily')
    .whereNotNull('entity_ref')
    .select(
      'entity_ref',
      'day',
      'provider',
      'model',
      'dimension_kind',
      'dimension',
      effectiveSum(db),
    )
    .groupBy(
      'entity_ref',
      'day',
      'provider',
      'model',
      'dimension_kind',
      'dimension',
    );
  return rows.map(row => ({
    entityRef: row.entity_ref,
    day: row.day,
    dimension: `${row.provider}/${row.model ?? '-'}/${row.dimension_kind}:${
      row.dimension
    }`,
    costMicros: toBigInt(row.cost),
  }));
}
