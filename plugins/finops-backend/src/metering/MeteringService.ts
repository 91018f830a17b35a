import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  GuardrailDecision,
  decideGuardrail,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { BudgetService } from '../budgets/BudgetService';
import { CostedCatalog } from '../entities/CostedCatalog';
import { CostedEntity, uncataloguedEntity } from '../entities/CostedEntity';
import { normalizeEntityRef } from '../entities/entityRefKey';
import { attributeRecord } from '../sources/attributeItems';
import { DatabaseMeteringStore, Reservation } from './DatabaseMeteringStore';
import { UsageEvent, UsageMeasure } from './readUsageEvents';
import { ReservationInput } from './readReservationInput';
import {
  ReservationAnswer,
  applySessionCap,
  replayedAnswer,
  withTaken,
} from './reservationVerdict';
import { GuardrailCall, GuardrailOutcomes } from './GuardrailOutcomes';
import {
  ScopedRateLimit,
  applyRateLimits,
  rateLimitsOf,
} from './spendRateLimits';
import { usageRecords } from './usageRecords';
import { MeteredWritesFollowUp } from './MeteredWritesFollowUp';

export type { ReservationAnswer };

/**
 * Usage reported as it happens and budget reserved before it is spent. Both go to
 * the shared database: metered spend counts in budgets as soon as it is stored, and a
 * reservation is decided from the database's spend and open reservations while the
 * entity's hard budgets are locked, so that replicas answering at once never let a
 * hard budget pass 100 percent. The budget definitions come from the budget snapshot.
 */
export class MeteringService {
  private readonly followUp: MeteredWritesFollowUp;

  constructor(
    private readonly options: {
      store: DatabaseMeteringStore;
      budgets: BudgetService;
      priceBook: PriceBook;
      logger: LoggerService;
      warnAtPercent: number;
      /** The reporting currency. */
      currency: string;
      /** Records denials and alerts of passed spend-rate limits. */
      outcomes?: GuardrailOutcomes;
      now?: () => Date;
    },
  ) {
    this.followUp = new MeteredWritesFollowUp(options);
  }

  /** Stores the events not seen before; answers the ids of those seen before. */
  async report(events: UsageEvent[]): Promise<{
    accepted: number;
    duplicates: string[];
  }> {
    const catalog = this.catalog();
    const priced = events.map((event, i) => ({
      id: event.id,
      day: event.day,
      // as reported, when it is no entity ref
      entityRef: normalizeEntityRef(event.entityRef) ?? event.entityRef,
      agentId: event.agentId,
      sessionId: event.sessionId,
      ...measured(event.measure),
      records: usageRecords(
        event,
        event.measure,
        this.options.priceBook,
        `events[${i}]`,
      ).map(record => attributeRecord(record, catalog)),
    }));
    const { duplicates } = await this.options.store.recordUsage(
      priced,
      this.now(),
    );
    this.followUp.written(priced);
    return { accepted: events.length - duplicates.length, duplicates };
  }

  /**
   * The entity as budgets know it (its spend refs), and the spend-rate limits it is
   * held to in the reporting currency. An entity the snapshot does not know yet (it
   * joined the catalog since) is its own spend.
   */
  rateLimited(entityRef: string): [CostedEntity, ScopedRateLimit[]] {
    const ref = normalizeEntityRef(entityRef) ?? entityRef;
    const snapshot = this.options.budgets.current();
    const entity = snapshot.entity(ref) ?? uncataloguedEntity(ref);
    return [entity, rateLimitsOf(snapshot, entity, this.options.currency)];
  }

  async reserve(
    input: ReservationInput & { credentials?: GuardrailCall['credentials'] },
  ): Promise<ReservationAnswer> {
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
    const rateLimits = rateLimitsOf(snapshot, entity, input.currency);
    let ratePassed: ScopedRateLimit | undefined;
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
      rateLimits,
      decide: (taken, sessionTaken, ratesTaken) => {
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
        ratePassed = applyRateLimits(
          decided,
          rateLimits,
          ratesTaken,
          input.estimateMicros,
        );
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
      return replayedAnswer(reservation!, entity.entityRef, snapshot.takenAt);
    }
    await this.options.outcomes?.record(answer, {
      via: 'reservation',
      entity,
      ratePassed,
      estimateMicros: input.estimateMicros,
      agentId: input.agentId,
      sessionId: input.sessionId,
      credentials: input.credentials,
      now,
    });
    return reservation
      ? {
          ...answer,
          reservationId: reservation.id,
          expiresAt: reservation.expiresAt,
        }
      : answer;
  }

  /**
   * Completes the answer of a guardrail check (a caller that does not reserve) with
   * what the budget snapshot cannot know: the entity's spend-rate limit against the
   * metered spend and open reservations of its trailing window. A denial is recorded.
   */
  async check(
    decision: GuardrailDecision,
    input: GuardrailCall,
  ): Promise<ReservationAnswer> {
    const snapshot = this.options.budgets.current();
    const entity = snapshot.entity(decision.entityRef);
    const answer: ReservationAnswer = { ...decision };
    if (!entity) {
      return answer;
    }
    const now = this.now();
    const rateLimits = rateLimitsOf(snapshot, entity, input.currency);
    const ratePassed = applyRateLimits(
      answer,
      rateLimits,
      await this.options.store.ratesTaken(rateLimits, input.currency, now),
      input.estimateMicros,
    );
    await this.options.outcomes?.record(answer, {
      via: 'check',
      entity,
      ratePassed,
      estimateMicros: input.estimateMicros,
      credentials: input.credentials,
      now,
    });
    return answer;
  }

  /** Records what a reservation's call actually used, and ends the reservation. */
  async commit(id: string, measure: UsageMeasure): Promise<Reservation> {
    const catalog = this.catalog();
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
          ...measured(measure),
          records: usageRecords(
            event,
            measure,
            this.options.priceBook,
            'commit',
          ).map(record => attributeRecord(record, catalog)),
        };
      },
      now,
    );
    this.followUp.written([
      { day: todayUtc(now), entityRef: committed.entityRef },
    ]);
    return committed;
  }

  release(id: string): Promise<Reservation> {
    return this.options.store.release(id, this.now());
  }

  /** The catalog read the current snapshot was built from, which snapshots of spend share. */
  private catalog(): CostedCatalog {
    return CostedCatalog.of(this.options.budgets.current().catalogEntities);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** What a usage event measured, as stored beside it. */
function measured(measure: UsageMeasure) {
  return {
    measure: measure.kind,
    ...(measure.kind === 'tokens' ? { model: measure.model } : {}),
  };
}
