import {
  BudgetScope,
  DayWindow,
  budgetScopeKey,
} from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { CostedEntity } from '../entities/CostedEntity';
import { toBigInt } from '../database/toBigInt';
import { sumEffectiveCost } from '../costs/store/effectiveCost';

/** What a budget, a session or a trailing window has taken, in the database now. */
export interface BudgetTaken {
  /** Spend in its period (the effective cost), metered spend included. */
  spentMicros: bigint;
  /** Open reservations not yet expired. */
  reservedMicros: bigint;
}

const RESERVATIONS = 'finops_reservations';

/** What a session has taken: its metered spend and open reservations. */
export async function sessionTaken(
  trx: Knex.Transaction,
  sessionId: string,
  currency: string,
  now: Date,
): Promise<BudgetTaken> {
  const spent = trx('finops_usage_events')
    .where({ session_id: sessionId, currency })
    .sum('cost');
  const reserved = trx(RESERVATIONS)
    .where({ session_id: sessionId, status: 'open', currency })
    .where('expires_at', '>', now.getTime())
    .sum('amount');
  return sums(trx, spent, reserved);
}

/**
 * What a spend-rate limit's scope has spent, metered, in its trailing window and holds
 * reserved: an entity's (and its parts') or a whole team's.
 */
export async function rateTaken(
  db: Knex,
  limit: { scope: BudgetScope; spendRefs: string[]; windowMs: number },
  currency: string,
  now: Date,
): Promise<BudgetTaken> {
  const inScope = (query: Knex.QueryBuilder) =>
    'team' in limit.scope
      ? query.where('team', limit.scope.team)
      : query.whereIn('entity_ref', limit.spendRefs);
  const spent = inScope(db('finops_usage_events'))
    .where('currency', currency)
    .where('received_ms', '>', now.getTime() - limit.windowMs)
    .sum('cost');
  const reserved = inScope(db(RESERVATIONS))
    .where({ status: 'open', currency })
    .where('expires_at', '>', now.getTime())
    .sum('amount');
  return sums(db, spent, reserved);
}

/** Two sums in one statement, so that a commit between them cannot be missed. */
async function sums(
  trx: Knex,
  spent: Knex.QueryBuilder,
  reserved: Knex.QueryBuilder,
): Promise<BudgetTaken> {
  const result = await trx.raw('SELECT (?) AS spent, (?) AS reserved', [
    spent,
    reserved,
  ]);
  const [row] = Array.isArray(result) ? result : result.rows;
  return {
    spentMicros: toBigInt(row?.spent),
    reservedMicros: toBigInt(row?.reserved),
  };
}

/**
 * What each budget has taken: its scope's spend in its period, and open reservations,
 * all read in one statement, so that a commit turning a reservation into spend is seen
 * wholly before or wholly after it, never in neither sum, and in one round trip.
 */
export async function budgetsTaken(
  trx: Knex.Transaction,
  entity: CostedEntity,
  budgets: Array<{ id: string; scope: BudgetScope; period: DayWindow }>,
  currency: string,
  now: Date,
): Promise<Map<string, BudgetTaken>> {
  const taken = new Map<string, BudgetTaken>();
  if (!budgets.length) {
    return taken;
  }
  const columns: string[] = [];
  const bindings: Knex.QueryBuilder[] = [];
  budgets.forEach((budget, i) => {
    const { kind, value } = budgetScopeKey(budget.scope);
    const inScope = (query: Knex.QueryBuilder) =>
      kind === 'entity'
        ? query.whereIn('entity_ref', entity.spendRefs)
        : query.where(kind === 'team' ? 'team' : 'cost_center', value);
    columns.push(`(?) AS spent_${i}`, `(?) AS reserved_${i}`);
    bindings.push(
      inScope(
        trx('finops_summary_costs')
          .where('currency', currency)
          .whereBetween('day', [budget.period.from, budget.period.to]),
      ).select(trx.raw(sumEffectiveCost('spent'))),
      inScope(
        trx(RESERVATIONS)
          .where({ status: 'open', currency })
          .where('expires_at', '>', now.getTime()),
      ).sum('amount'),
    );
  });
  const result = await trx.raw(`SELECT ${columns.join(', ')}`, bindings);
  const [row] = Array.isArray(result) ? result : result.rows;
  budgets.forEach((budget, i) => {
    taken.set(budget.id, {
      spentMicros: toBigInt(row?.[`spent_${i}`]),
      reservedMicros: toBigInt(row?.[`reserved_${i}`]),
    });
  });
  return taken;
}
