import { Knex } from 'knex';
import { sumEffectiveCost } from './effectiveCost';

/** The daily rollup has every dimension; the summary rollup a quarter of its rows. */
export type Rollup = 'daily' | 'summary';

export const ROLLUP_TABLES: Record<Rollup, string> = {
  daily: 'finops_daily_costs',
  summary: 'finops_summary_costs',
};

/** The effective cost of the rows, as `cost`: every query of spend reads it. */
export function effectiveSum(db: Knex) {
  return db.raw(sumEffectiveCost('cost'));
}

/**
 * Rows of the given entities. PostgreSQL gets the refs as one array: a list of
 * thousands of parameters costs more to send and plan than the query.
 */
export function ofEntities(
  db: Knex,
  builder: Knex.QueryBuilder,
  entityRefs: string[],
) {
  return db.client.driverName === 'pg'
    ? builder.whereRaw('entity_ref = ANY(?)', [entityRefs])
    : builder.whereIn('entity_ref', entityRefs);
}
