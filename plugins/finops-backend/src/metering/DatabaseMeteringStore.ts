import { ConflictError, NotFoundError } from '@backstage/errors';
import { BudgetScope, DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { CostedEntity } from '../entities/CostedEntity';
import { lockKeys } from '../database/lockSource';
import { toBigInt } from '../database/toBigInt';
import { CostPrecedence } from '../costs/store/CostPrecedence';
import { compactMeteredRollups } from './compactMeteredRollups';
import { ScopedRateLimit, rateLimitKey } from './spendRateLimits';
import {
  BudgetTaken,
  budgetsTaken,
  rateTaken,
  sessionTaken,
} from './reservationSums';
import { PricedUsageEvent, writeUsageEvents } from './writeUsageEvents';

export type { BudgetTaken, PricedUsageEvent };

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

const RESERVATIONS = 'finops_reservations';

/**
 * Metered spend and reservations in the shared database, so that every replica sees
 * the same: an event id is counted once; a reservation is decided while its entity's
 * hard budgets are locked (PostgreSQL advisory locks; SQLite has one writer), from the
 * spend and open reservations the database holds at that moment.
 */
export class DatabaseMeteringStore {
  /** With `precedence`, which source counts where sources overlap; else metered counts last. */
  static fromKnex(db: Knex, precedence = CostPrecedence.meteredLowest()) {
    return new DatabaseMeteringStore(db, precedence);
  }

  private constructor(
    private readonly db: Knex,
    private readonly precedence: CostPrecedence,
  ) {}

  /** Stores the events not seen before; answers the ids of those seen before. */
  async recordUsage(
    events: PricedUsageEvent[],
    now: Date,
  ): Promise<{ duplicates: string[] }> {
    return this.db.transaction(async trx => {
      const duplicates = await writeUsageEvents(
        trx,
        events,
        now,
        this.precedence,
      );
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
    entity: CostedEntity;
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
    /** Spend-rate limits, whose trailing windows' spend is read too, in their order. */
    rateLimits?: ScopedRateLimit[];
    decide: (
      taken: Map<string, BudgetTaken>,
      session: BudgetTaken | undefined,
      rates: BudgetTaken[],
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
      const rateLimits = options.rateLimits ?? [];
      const session =
        options.sessionCapped && options.sessionId
          ? options.sessionId
          : undefined;
      await lockKeys(trx, [
        ...options.lockedBudgetIds.map(id => `finops-budget:${id}`),
        ...(session ? [`finops-session:${session}`] : []),
        ...rateLimits.map(limit => `finops-rate:${rateLimitKey(limit)}`),
      ]);
      const taken = await budgetsTaken(
        trx,
        options.entity,
        options.budgets,
        options.currency,
        options.now,
      );
      const rates: BudgetTaken[] = [];
      for (const limit of rateLimits) {
        rates.push(await rateTaken(trx, limit, options.currency, options.now));
      }
      const { hold, answer } = options.decide(
        taken,
        session
          ? await sessionTaken(trx, session, options.currency, options.now)
          : undefined,
        rates,
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
      await writeUsageEvents(trx, [event], now, this.precedence);
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

  /** Merges the metered rollup rows of these entities on a day, one row per group. */
  compact(day: string, entityRefs: string[]): Promise<void> {
    return compactMeteredRollups(this.db, day, entityRefs);
  }

  /** What spend-rate limits' scopes have spent, metered, in their windows and hold reserved. */
  ratesTaken(
    limits: ScopedRateLimit[],
    currency: string,
    now: Date,
  ): Promise<BudgetTaken[]> {
    return Promise.all(
      limits.map(limit => rateTaken(this.db, limit, currency, now)),
    );
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
