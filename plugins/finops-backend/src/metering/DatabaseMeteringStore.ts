import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  BudgetScope,
  CostRecord,
  DayWindow,
  budgetScopeKey,
} from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { BudgetedEntity } from '../budgets/BudgetSnapshot';
import { lockSource } from '../database/lockSource';
import { supersedeMetered } from '../database/supersedeMetered';
import { toBigInt } from '../database/toBigInt';
import { WindowWriter } from '../database/WindowWriter';
import { METERED_SOURCE_ID } from './usageRecords';

/** A usage event ready to store: its id, who spent, and its priced records. */
export interface PricedUsageEvent {
  id: string;
  day: string;
  entityRef?: string;
  agentId?: string;
  sessionId?: string;
  records: CostRecord[];
}

/** A reservation as stored. */
export interface Reservation {
  id: string;
  idempotencyKey?: string;
  entityRef: string;
  amountMicros: bigint;
  currency: string;
  status: 'open' | 'committed' | 'released' | 'expired';
  committedMicros?: bigint;
  agentId?: string;
  sessionId?: string;
  expiresAt: string;
}

/** What a budget has taken, in the database at the moment of a reservation. */
export interface BudgetTaken {
  /** Spend in its period, metered spend included. */
  spentMicros: bigint;
  /** Open reservations not yet expired. */
  reservedMicros: bigint;
}

const RESERVATIONS = 'finops_reservations';
/** Usage events per insert statement: nine columns each stay inside SQLite's limit. */
const EVENTS_PER_INSERT = 500;

/**
 * Metered spend and reservations in the shared database, so that every replica sees
 * the same: an event id is counted once; a reservation is decided while its entity's
 * hard budgets are locked (PostgreSQL advisory locks; SQLite has one writer), from the
 * spend and open reservations the database holds at that moment.
 */
export class DatabaseMeteringStore {
  static fromKnex(db: Knex) {
    return new DatabaseMeteringStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /** Stores the events not seen before; answers the ids of those seen before. */
  async recordUsage(
    events: PricedUsageEvent[],
    now: Date,
  ): Promise<{ duplicates: string[] }> {
    return this.db.transaction(async trx => {
      await lockSource(trx, METERED_SOURCE_ID);
      const duplicates = await this.writeEvents(trx, events, now);
      return { duplicates };
    });
  }

  /**
   * Decides a reservation with the budgets locked: `decide` is given what each budget
   * has taken and answers whether to hold `amountMicros`; when it does, the
   * reservation is stored. With an idempotency key seen before, answers that
   * reservation and decides nothing.
   */
  async reserve<D>(options: {
    entity: BudgetedEntity;
    budgets: Array<{ id: string; scope: BudgetScope; period: DayWindow }>;
    lockedBudgetIds: string[];
    amountMicros: bigint;
    currency: string;
    idempotencyKey?: string;
    agentId?: string;
    sessionId?: string;
    now: Date;
    ttlMs: number;
    /** With a cap, the session's metered spend and open reservations are read too. */
    sessionCapped?: boolean;
    /** With a spend-rate limit, the entity's metered spend of this trailing window too. */
    rateWindowMs?: number;
    decide: (
      taken: Map<string, BudgetTaken>,
      session?: BudgetTaken,
      rate?: BudgetTaken,
    ) => { hold: boolean; answer: D };
  }): Promise<{ answer?: D; reservation?: Reservation }> {
    return this.db.transaction(async trx => {
      if (options.idempotencyKey) {
        const existing = await trx(RESERVATIONS)
          .where('idempotency_key', options.idempotencyKey)
          .first();
        if (existing) {
          return { reservation: toReservation(existing, options.now) };
        }
      }
      const session =
        options.sessionCapped && options.sessionId
          ? options.sessionId
          : undefined;
      if (trx.client.driverName === 'pg') {
        const keys = [
          ...options.lockedBudgetIds.map(id => `finops-budget:${id}`),
          ...(session ? [`finops-session:${session}`] : []),
          ...(options.rateWindowMs
            ? [`finops-rate:${options.entity.entityRef}`]
            : []),
        ].sort();
        for (const key of keys) {
          await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [key]);
        }
      }
      const taken = new Map<string, BudgetTaken>();
      for (const budget of options.budgets) {
        taken.set(
          budget.id,
          await this.taken(
            trx,
            options.entity,
            budget,
            options.currency,
            options.now,
          ),
        );
      }
      const { hold, answer } = options.decide(
        taken,
        session
          ? await this.sessionTaken(trx, session, options.currency, options.now)
          : undefined,
        options.rateWindowMs
          ? await this.rateTaken(
              trx,
              options.entity,
              options.rateWindowMs,
              options.currency,
              options.now,
            )
          : undefined,
      );
      if (!hold) {
        return { answer };
      }
      const row = {
        id: randomUUID(),
        idempotency_key: options.idempotencyKey ?? null,
        entity_ref: options.entity.entityRef,
        team: options.entity.team ?? null,
        cost_center: options.entity.costCenter ?? null,
        amount: options.amountMicros,
        currency: options.currency,
        status: 'open',
        agent_id: options.agentId ?? null,
        session_id: options.sessionId ?? null,
        created_at: options.now,
        expires_at: options.now.getTime() + options.ttlMs,
      };
      await trx(RESERVATIONS).insert(row);
      return { answer, reservation: toReservation(row, options.now) };
    });
  }

  /**
   * Records the actual usage of an open reservation and ends it. Committing again
   * answers the committed reservation; a released or expired one cannot be.
   */
  async commit(
    id: string,
    usage: (reservation: Reservation) => PricedUsageEvent,
    now: Date,
  ): Promise<Reservation> {
    return this.db.transaction(async trx => {
      await lockSource(trx, METERED_SOURCE_ID);
      const reservation = await this.load(trx, id, now);
      if (reservation.status === 'committed') {
        return reservation;
      }
      if (reservation.status !== 'open') {
        throw new ConflictError(
          `Reservation ${id} has ${reservation.status}: report its usage with POST /v1/usage instead`,
        );
      }
      const event = usage(reservation);
      await this.writeEvents(trx, [event], now);
      const committed = event.records.reduce(
        (sum, r) => sum + r.billedCostMicros,
        0n,
      );
      await trx(RESERVATIONS)
        .where('id', id)
        .update({ status: 'committed', committed_cost: committed });
      return {
        ...reservation,
        status: 'committed',
        committedMicros: committed,
      };
    });
  }

  /** Ends an open reservation without spending; a committed one cannot be. */
  async release(id: string, now: Date): Promise<Reservation> {
    return this.db.transaction(async trx => {
      const reservation = await this.load(trx, id, now);
      if (reservation.status === 'committed') {
        throw new ConflictError(`Reservation ${id} is committed already`);
      }
      if (reservation.status === 'open') {
        await trx(RESERVATIONS).where('id', id).update({ status: 'released' });
      }
      return { ...reservation, status: 'released' };
    });
  }

  private async load(trx: Knex.Transaction, id: string, now: Date) {
    const query = trx(RESERVATIONS).where('id', id);
    const row = await (trx.client.driverName === 'pg'
      ? query.forUpdate()
      : query
    ).first();
    if (!row) {
      throw new NotFoundError(`No reservation ${id}`);
    }
    return toReservation(row, now);
  }

  /** Stores events and their records; answers the ids seen before, which it skips. */
  private async writeEvents(
    trx: Knex.Transaction,
    events: PricedUsageEvent[],
    now: Date,
  ): Promise<string[]> {
    const writer = new WindowWriter(trx, METERED_SOURCE_ID);
    const inserted = new Set<string>();
    for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
      const rows: Array<{ event_id: string }> = await trx('finops_usage_events')
        .insert(
          events.slice(i, i + EVENTS_PER_INSERT).map(event => ({
            event_id: event.id,
            day: event.day,
            entity_ref: event.entityRef ?? null,
            cost: event.records.reduce(
              (sum, r) => sum + r.billedCostMicros,
              0n,
            ),
            currency: event.records[0]?.currency ?? 'USD',
            agent_id: event.agentId ?? null,
            session_id: event.sessionId ?? null,
            received_at: now,
            received_ms: now.getTime(),
          })),
        )
        .onConflict('event_id')
        .ignore()
        .returning('event_id');
      rows.forEach(row => inserted.add(row.event_id));
    }
    const duplicates: string[] = [];
    for (const event of events) {
      if (!inserted.has(event.id)) {
        duplicates.push(event.id);
        continue;
      }
      for (const record of event.records) {
        const written = writer.addCost(record);
        if (written) await written;
      }
    }
    await writer.finish();
    const days = events.map(e => e.day).sort();
    const refs = new Set<string>();
    for (const event of events) {
      for (const record of event.records) {
        if (record.entityRef) refs.add(record.entityRef);
      }
    }
    if (days.length && refs.size) {
      await supersedeMetered(
        trx,
        { from: days[0], to: days[days.length - 1] },
        [...refs],
      );
    }
    return duplicates;
  }

  /** What a session has taken: its metered spend and open reservations. */
  private async sessionTaken(
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
    return this.sums(trx, spent, reserved);
  }

  /** What an entity has spent in a trailing window, metered, and holds reserved. */
  private async rateTaken(
    trx: Knex.Transaction,
    entity: BudgetedEntity,
    windowMs: number,
    currency: string,
    now: Date,
  ): Promise<BudgetTaken> {
    const spent = trx('finops_usage_events')
      .whereIn('entity_ref', entity.spendRefs)
      .where('currency', currency)
      .where('received_ms', '>', now.getTime() - windowMs)
      .sum('cost');
    const reserved = trx(RESERVATIONS)
      .whereIn('entity_ref', entity.spendRefs)
      .where({ status: 'open', currency })
      .where('expires_at', '>', now.getTime())
      .sum('amount');
    return this.sums(trx, spent, reserved);
  }

  /** Two sums in one statement, so that a commit between them cannot be missed. */
  private async sums(
    trx: Knex.Transaction,
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

  /** What a budget has taken: its scope's spend in its period, and open reservations. */
  private async taken(
    trx: Knex.Transaction,
    entity: BudgetedEntity,
    budget: { scope: BudgetScope; period: DayWindow },
    currency: string,
    now: Date,
  ): Promise<BudgetTaken> {
    const { kind, value } = budgetScopeKey(budget.scope);
    const inScope = (query: Knex.QueryBuilder) =>
      kind === 'entity'
        ? query.whereIn('entity_ref', entity.spendRefs)
        : query.where(kind === 'team' ? 'team' : 'cost_center', value);
    // One statement, so that a commit turning a reservation into spend is seen
    // wholly before or wholly after it, never in neither sum.
    const spent = inScope(
      trx('finops_summary_costs')
        .where('currency', currency)
        .whereBetween('day', [budget.period.from, budget.period.to]),
    ).sum('billed_cost');
    const reserved = inScope(
      trx(RESERVATIONS)
        .where({ status: 'open', currency })
        .where('expires_at', '>', now.getTime()),
    ).sum('amount');
    return this.sums(trx, spent, reserved);
  }
}

function toReservation(row: any, now: Date): Reservation {
  const expiresAt = Number(row.expires_at);
  const status =
    row.status === 'open' && expiresAt <= now.getTime()
      ? 'expired'
      : row.status;
  return {
    id: row.id,
    ...(row.idempotency_key ? { idempotencyKey: row.idempotency_key } : {}),
    entityRef: row.entity_ref,
    amountMicros: toBigInt(row.amount),
    currency: row.currency,
    status,
    ...(row.committed_cost !== null && row.committed_cost !== undefined
      ? { committedMicros: toBigInt(row.committed_cost) }
      : {}),
    ...(row.agent_id ? { agentId: row.agent_id } : {}),
    ...(row.session_id ? { sessionId: row.session_id } : {}),
    expiresAt: new Date(expiresAt).toISOString(),
  };
}
