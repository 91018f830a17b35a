import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  GuardrailBudget,
  GuardrailDecision,
  decideGuardrail,
  formatMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetSnapshot, BudgetedEntity } from '../budgets/BudgetSnapshot';
import { EntityIndex, normalizeEntityRef } from '../ingestion/EntityIndex';
import { attributeRecord } from '../ingestion/attributeItems';
import {
  BudgetTaken,
  DatabaseMeteringStore,
  Reservation,
} from './DatabaseMeteringStore';
import { UsageEvent, UsageMeasure } from './readUsageEvents';
import { usageRecords } from './usageRecords';

/** How long after metered usage the budget snapshot is rebuilt, gathering what follows. */
const REFRESH_DELAY_MS = 250;

/** A reservation's answer: the decision, and the reservation when one is held. */
export interface ReservationAnswer extends GuardrailDecision {
  reservationId?: string;
  expiresAt?: string;
  /** The session's cap, when the reservation gave one, and what it has left. */
  session?: { id: string; cap: string; spent: string; remaining: string };
  /** The entity's spend-rate limit, and what its trailing window has left. */
  spendRateLimit?: {
    limit: string;
    enforcement: string;
    spent: string;
    remaining: string;
  };
  /** Set when an idempotency key seen before answered an earlier reservation. */
  replayed?: boolean;
}

/**
 * Usage reported as it happens and budget reserved before it is spent. Both go to
 * the shared database: metered spend counts in budgets as soon as it is stored, and a
 * reservation is decided from the database's spend and open reservations while the
 * entity's hard budgets are locked, so that replicas answering at once never let a
 * hard budget pass 100 percent. The budget definitions come from the budget snapshot.
 */
export class MeteringService {
  private readonly indexes = new WeakMap<BudgetSnapshot, EntityIndex>();
  private refreshTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly options: {
      store: DatabaseMeteringStore;
      budgets: BudgetService;
      priceBook: PriceBook;
      logger: LoggerService;
      warnAtPercent: number;
      now?: () => Date;
    },
  ) {}

  /** Stores the events not seen before; answers the ids of those seen before. */
  async report(events: UsageEvent[]): Promise<{
    accepted: number;
    duplicates: string[];
  }> {
    const index = this.index();
    const priced = events.map((event, i) => ({
      id: event.id,
      day: event.day,
      entityRef: index.get(event.entityRef)?.ref,
      agentId: event.agentId,
      sessionId: event.sessionId,
      records: usageRecords(
        event,
        event.measure,
        this.options.priceBook,
        `events[${i}]`,
      ).map(record => attributeRecord(record, index)),
    }));
    const { duplicates } = await this.options.store.recordUsage(
      priced,
      this.now(),
    );
    this.refreshBudgets();
    return { accepted: events.length - duplicates.length, duplicates };
  }

  async reserve(input: {
    entityRef: string;
    estimateMicros: bigint;
    currency: string;
    ttlSeconds: number;
    idempotencyKey?: string;
    agentId?: string;
    sessionId?: string;
    /** The most the session may spend, metered and reserved: a brake for a runaway loop. */
    maxSessionCostMicros?: bigint;
  }): Promise<ReservationAnswer> {
    const snapshot = this.options.budgets.current();
    const entity = snapshot.entity(
      normalizeEntityRef(input.entityRef) ?? input.entityRef,
    );
    if (!entity) {
      throw new NotFoundError(
        `No entity ${input.entityRef} in the catalog as of the budget snapshot taken at ${snapshot.takenAt}`,
      );
    }
    const covering = snapshot.guardrailBudgets(entity);
    const rateLimit =
      entity.spendRateLimit?.currency === input.currency
        ? entity.spendRateLimit
        : undefined;
    const inCurrency = covering.filter(
      b => b.status.budget.currency === input.currency,
    );
    const now = this.now();
    const { answer, reservation } = await this.options.store.reserve({
      entity,
      budgets: inCurrency.map(({ status }) => ({
        id: status.budget.id,
        scope: status.budget.scope,
        period: status.period,
      })),
      lockedBudgetIds: inCurrency
        .filter(b => b.status.budget.enforcement === 'hard')
        .map(b => b.status.budget.id),
      amountMicros: input.estimateMicros,
      currency: input.currency,
      idempotencyKey: input.idempotencyKey,
      agentId: input.agentId,
      sessionId: input.sessionId,
      now,
      ttlMs: input.ttlSeconds * 1000,
      sessionCapped: input.maxSessionCostMicros !== undefined,
      rateWindowMs: rateLimit?.windowMs,
      decide: (taken, sessionTaken, rateTaken) => {
        const session = sessionTaken && {
          id: input.sessionId!,
          cap: input.maxSessionCostMicros!,
          used: sessionTaken.spentMicros + sessionTaken.reservedMicros,
        };
        const sessionJson = session && {
          id: session.id,
          cap: formatMicros(session.cap),
          spent: formatMicros(session.used),
          remaining: formatMicros(
            session.cap > session.used ? session.cap - session.used : 0n,
          ),
        };
        if (session && session.used + input.estimateMicros > session.cap) {
          return {
            hold: false,
            answer: {
              decision: 'deny' as const,
              entityRef: entity.entityRef,
              estimatedCost: formatMicros(input.estimateMicros),
              currency: input.currency,
              reason: `Denied: session ${session.id} has spent and reserved ${
                sessionJson!.spent
              } of its cap of ${sessionJson!.cap} ${
                input.currency
              }; ${formatMicros(input.estimateMicros)} more would pass it`,
              snapshotAt: snapshot.takenAt,
              session: sessionJson,
            },
          };
        }
        const decision = decideGuardrail({
          entityRef: entity.entityRef,
          estimateMicros: input.estimateMicros,
          currency: input.currency,
          budgets: covering.map(budget =>
            withTaken(budget, taken.get(budget.status.budget.id)),
          ),
          warnAtPercent: this.options.warnAtPercent,
          snapshotAt: snapshot.takenAt,
        });
        const decided: ReservationAnswer = sessionJson
          ? { ...decision, session: sessionJson }
          : decision;
        if (rateLimit && rateTaken) {
          applyRateLimit(decided, rateLimit, rateTaken, input.estimateMicros);
        }
        return { hold: decided.decision !== 'deny', answer: decided };
      },
    });
    if (!answer) {
      return this.replayed(reservation!, entity.entityRef, snapshot.takenAt);
    }
    return reservation
      ? {
          ...answer,
          reservationId: reservation.id,
          expiresAt: reservation.expiresAt,
        }
      : answer;
  }

  /** Records what a reservation's call actually used, and ends the reservation. */
  async commit(id: string, measure: UsageMeasure): Promise<Reservation> {
    const index = this.index();
    const now = this.now();
    const committed = await this.options.store.commit(
      id,
      reservation => {
        const event = {
          day: todayUtc(now),
          entityRef: reservation.entityRef,
          agentId: reservation.agentId,
          sessionId: reservation.sessionId,
        };
        return {
          ...event,
          id: `reservation:${id}`,
          records: usageRecords(
            event,
            measure,
            this.options.priceBook,
            'commit',
          ).map(record => attributeRecord(record, index)),
        };
      },
      now,
    );
    this.refreshBudgets();
    return committed;
  }

  release(id: string): Promise<Reservation> {
    return this.options.store.release(id, this.now());
  }

  private replayed(
    reservation: Reservation,
    entityRef: string,
    snapshotAt: string,
  ): ReservationAnswer {
    return {
      decision: 'allow',
      entityRef,
      estimatedCost: formatMicros(reservation.amountMicros),
      currency: reservation.currency,
      reason: `Reservation ${reservation.id} was made before with this idempotency key; it is ${reservation.status}`,
      snapshotAt,
      reservationId: reservation.id,
      expiresAt: reservation.expiresAt,
      replayed: true,
    };
  }

  private index(): EntityIndex {
    const snapshot = this.options.budgets.current();
    let index = this.indexes.get(snapshot);
    if (!index) {
      index = new EntityIndex(snapshot.catalogEntities);
      this.indexes.set(snapshot, index);
    }
    return index;
  }

  /**
   * Budgets, alerts and the guardrail see new spend at the next snapshot: one refresh
   * a short while after the first write, however many writes follow meanwhile, so that
   * a stream of reports rebuilds the snapshot a few times a second, not per report.
   */
  private refreshBudgets() {
    if (this.refreshTimer) {
      return;
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.options.budgets
        .refresh()
        .catch(error =>
          this.options.logger.error(
            `Refreshing budgets after metered usage failed: ${error}`,
          ),
        );
    }, REFRESH_DELAY_MS);
    this.refreshTimer.unref?.();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** A budget as the database has it taken: spent and reserved count alike. */
function withTaken(
  budget: GuardrailBudget,
  taken: BudgetTaken | undefined,
): GuardrailBudget {
  if (!taken) {
    return budget;
  }
  const used = taken.spentMicros + taken.reservedMicros;
  const left = budget.amountMicros - used;
  return {
    status: {
      ...budget.status,
      spent: formatMicros(used),
      remaining: formatMicros(left > 0n ? left : 0n),
    },
    amountMicros: budget.amountMicros,
    spentMicros: used,
  };
}

/**
 * Adds an entity's spend-rate limit to a reservation's answer: past it the answer
 * denies under hard enforcement, and warns otherwise.
 */
function applyRateLimit(
  answer: ReservationAnswer,
  rateLimit: NonNullable<BudgetedEntity['spendRateLimit']>,
  taken: BudgetTaken,
  estimateMicros: bigint,
) {
  const used = taken.spentMicros + taken.reservedMicros;
  const left = rateLimit.amountMicros - used;
  const limit = `${formatMicros(rateLimit.amountMicros)} ${
    rateLimit.currency
  }/${rateLimit.per}`;
  answer.spendRateLimit = {
    limit,
    enforcement: rateLimit.enforcement,
    spent: formatMicros(used),
    remaining: formatMicros(left > 0n ? left : 0n),
  };
  if (
    used + estimateMicros <= rateLimit.amountMicros ||
    answer.decision === 'deny'
  ) {
    return;
  }
  const hard = rateLimit.enforcement === 'hard';
  answer.decision = hard ? 'deny' : 'warn';
  answer.reason = `${hard ? 'Denied' : 'Allowed with a warning'}: ${
    answer.entityRef
  } has spent and reserved ${formatMicros(used)} in the last ${
    rateLimit.per
  } against its spend-rate limit of ${limit}; ${formatMicros(
    estimateMicros,
  )} more would pass it${hard ? '' : '; advisory, so allowed'}`;
}
