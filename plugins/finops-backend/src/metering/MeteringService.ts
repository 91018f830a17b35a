import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  decideGuardrail,
  formatMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { EntityIndex, normalizeEntityRef } from '../ingestion/EntityIndex';
import { attributeRecord } from '../ingestion/attributeItems';
import { DatabaseMeteringStore, Reservation } from './DatabaseMeteringStore';
import { UsageEvent, UsageMeasure } from './readUsageEvents';
import {
  ReservationAnswer,
  applyRateLimit,
  applySessionCap,
  withTaken,
} from './reservationVerdict';
import { usageRecords } from './usageRecords';

export type { ReservationAnswer };

/** How long after metered usage the budget snapshot is rebuilt, gathering what follows. */
const REFRESH_DELAY_MS = 250;

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
        const decided: ReservationAnswer = decideGuardrail({
          entityRef: entity.entityRef,
          estimateMicros: input.estimateMicros,
          currency: input.currency,
          budgets: covering.map(budget =>
            withTaken(budget, taken.get(budget.status.budget.id)),
          ),
          warnAtPercent: this.options.warnAtPercent,
          snapshotAt: snapshot.takenAt,
        });
        if (rateLimit && rateTaken) {
          applyRateLimit(decided, rateLimit, rateTaken, input.estimateMicros);
        }
        if (sessionTaken) {
          applySessionCap(decided, {
            id: input.sessionId!,
            capMicros: input.maxSessionCostMicros!,
            taken: sessionTaken,
            estimateMicros: input.estimateMicros,
          });
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
