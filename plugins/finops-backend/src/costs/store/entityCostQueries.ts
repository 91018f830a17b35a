import { Knex } from 'knex';
import {
  CostAggregate,
  DailyAggregate,
  EntityCostLine,
  EntityCostQuery,
  EntityDailySpend,
} from './CostStore';
import { COST_GROUP_SQL } from './costGroupKeys';
import { UnitAggregate, mergeUnits } from './mergeUnits';
import { ROLLUP_TABLES, Rollup, effectiveSum, ofEntities } from './rollupRows';
import { selectRows } from '../../database/selectRows';
import { toBigInt } from '../../database/toBigInt';

/**
 * Rollup rows of entities. Totals without a dimension read the summary rollup, which
 * has a fraction of the daily rollup's rows.
 */
function entityRows(
  db: Knex,
  query: Omit<EntityCostQuery, 'groupBy'>,
  rollup: Rollup = 'daily',
) {
  const table = ROLLUP_TABLES[query.dimensionKind ? 'daily' : rollup];
  const rows = ofEntities(db, db(table), query.entityRefs)
    .where('currency', query.currency)
    .whereBetween('day', [query.window.from, query.window.to]);
  return query.dimensionKind
    ? rows.where('dimension_kind', query.dimensionKind)
    : rows;
}

export async function entityDaily(
  db: Knex,
  query: EntityCostQuery,
): Promise<DailyAggregate[]> {
  const key = COST_GROUP_SQL[query.groupBy];
  const rows: any[] = await entityRows(db, query)
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

export async function entityBreakdown(
  db: Knex,
  query: EntityCostQuery,
): Promise<CostAggregate[]> {
  const key = COST_GROUP_SQL[query.groupBy];
  const rows: any[] = await entityRows(db, query)
    .select('unit', db.raw(`${key} AS group_key`), effectiveSum(db))
    .sum({ quantity: 'quantity' })
    .groupBy(db.raw(key))
    .groupBy('unit');
  return mergeUnits(rows.map(unitAggregate));
}

export async function entityTotal(
  db: Knex,
  query: Omit<EntityCostQuery, 'groupBy'>,
): Promise<bigint> {
  const [row] = await entityRows(db, query, 'summary').select(effectiveSum(db));
  return toBigInt(row?.cost);
}

export async function entitiesDaily(
  db: Knex,
  query: Omit<EntityCostQuery, 'groupBy'>,
): Promise<EntityDailySpend[]> {
  const rows: any[][] = await selectRows(
    db,
    entityRows(db, query, 'summary')
      .select('entity_ref', 'day', effectiveSum(db))
      .groupBy('entity_ref', 'day')
      .orderBy(['entity_ref', 'day']),
  );
  return rows.map(([entityRef, day, cost]) => ({
    entityRef,
    day,
    costMicros: toBigInt(cost),
  }));
}

export async function entityAgentSessions(
  db: Knex,
  query: Omit<EntityCostQuery, 'groupBy'>,
): Promise<Map<string, number>> {
  const key = COST_GROUP_SQL.agent;
  const rows: any[] = await entityRows(db, query)
    .whereNotNull('session')
    .select(db.raw(`${key} AS group_key`))
    .countDistinct({ sessions: 'session' })
    .groupBy(db.raw(key));
  return new Map(
    rows.map(row => [String(row.group_key), Number(row.sessions)]),
  );
}

export async function entitiesCostLines(
  db: Knex,
  query: Omit<EntityCostQuery, 'groupBy'>,
): Promise<EntityCostLine[]> {
  const columns = [
    'entity_ref',
    'source_id',
    'provider',
    'model',
    'dimension_kind',
    'dimension',
    'agent',
    'session',
    'unit',
  ];
  const rows: any[][] = await selectRows(
    db,
    entityRows(db, query)
      .select(columns)
      .select(effectiveSum(db))
      .sum({ quantity: 'quantity' })
      .groupBy(columns),
  );
  return rows.map(
    ([
      entityRef,
      sourceId,
      provider,
      model,
      dimensionKind,
      dimension,
      agent,
      session,
      unit,
      cost,
      quantity,
    ]) => ({
      entityRef,
      sourceId,
      provider,
      model: model ?? undefined,
      dimensionKind,
      dimension,
      agent: agent ?? undefined,
      session: session ?? undefined,
      unit: unit ?? undefined,
      costMicros: toBigInt(cost),
      quantity: toBigInt(quantity),
    }),
  );
}

/** A (key, unit) row of a grouped query. */
function unitAggregate(row: {
  group_key: unknown;
  unit: string | null;
  cost: unknown;
  quantity: unknown;
}): UnitAggregate {
  return {
    key: String(row.group_key),
    unit: row.unit ?? undefined,
    costMicros: toBigInt(row.cost),
    quantity: toBigInt(row.quantity),
  };
}
