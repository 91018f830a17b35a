import {
  BudgetScope,
  describeBudgetScope,
  GuardrailBudget,
  GuardrailDecision,
  SpendRateLimitStatus,
  formatMicros,
} from '@tollgate/plugin-finops-common';
import { CostedEntity } from '../entities/CostedEntity';
import type { Reservation } from './DatabaseMeteringStore';
import { BudgetTaken } from './reservationSums';

/** A reservation's answer: the decision, and the reservation when one is held. */
export interface ReservationAnswer extends GuardrailDecision {
  reservationId?: string;
  expiresAt?: string;
  /** The session's cap, when the reservation gave one, and what it has left. */
  session?: { id: string; cap: string; spent: string; remaining: string };
  /** The entity's spend-rate limit, and what its trailing window has left. */
  spendRateLimit?: SpendRateLimitStatus;
  /** Set when an idempotency key seen before answered an earlier reservation. */
  replayed?: boolean;
}

/** An entity's spend-rate limit, as its budgets have it enforced. */
export type EntityRateLimit = NonNullable<CostedEntity['spendRateLimit']>;

/** A spend-rate limit and what its trailing window has taken, as the API answers it. */
export function spendRateStatus(
  rateLimit: EntityRateLimit & { scope?: BudgetScope },
  taken: BudgetTaken,
): SpendRateLimitStatus {
  const used = taken.spentMicros + taken.reservedMicros;
  const left = rateLimit.amountMicros - used;
  return {
    ...(rateLimit.scope ? { scope: rateLimit.scope } : {}),
    limit: `${formatMicros(rateLimit.amountMicros)} ${rateLimit.currency}/${
      rateLimit.per
    }`,
    per: rateLimit.per,
    enforcement: rateLimit.enforcement,
    spent: formatMicros(taken.spentMicros),
    reserved: formatMicros(taken.reservedMicros),
    remaining: formatMicros(left > 0n ? left : 0n),
    utilization:
      rateLimit.amountMicros > 0n
        ? Number((used * 10_000n) / rateLimit.amountMicros) / 100
        : 0,
  };
}

/** A budget as the database has it taken: spent and reserved count alike. */
export function withTaken(
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
 * Adds an entity's spend-rate limit to a guardrail answer: past it the answer denies
 * under hard enforcement, and warns otherwise. Answers whether the estimate would pass
 * the limit.
 */
export function applyRateLimit(
  answer: GuardrailDecision & { spendRateLimit?: SpendRateLimitStatus },
  rateLimit: EntityRateLimit & { scope?: BudgetScope },
  taken: BudgetTaken,
  estimateMicros: bigint,
): boolean {
  const used = taken.spentMicros + taken.reservedMicros;
  answer.spendRateLimit = spendRateStatus(rateLimit, taken);
  if (used + estimateMicros <= rateLimit.amountMicros) {
    return false;
  }
  if (answer.decision === 'deny') {
    return true;
  }
  const hard = rateLimit.enforcement === 'hard';
  answer.decision = hard ? 'deny' : 'warn';
  answer.reason = `${hard ? 'Denied' : 'Allowed with a warning'}: ${
    rateLimit.scope ? describeBudgetScope(rateLimit.scope) : answer.entityRef
  } has spent and reserved ${formatMicros(used)} in the last ${
    rateLimit.per
  } against its spend-rate limit of ${
    answer.spendRateLimit.limit
  }; ${formatMicros(estimateMicros)} more would pass it${
    hard ? '' : '; advisory, so allowed'
  }`;
  return true;
}

/**
 * Adds a session's cap to a reservation's answer: past it the answer denies, naming
 * what the session has spent and reserved.
 */
export function applySessionCap(
  answer: ReservationAnswer,
  session: {
    id: string;
    capMicros: bigint;
    taken: BudgetTaken;
    estimateMicros: bigint;
  },
) {
  const used = session.taken.spentMicros + session.taken.reservedMicros;
  const left = session.capMicros - used;
  answer.session = {
    id: session.id,
    cap: formatMicros(session.capMicros),
    spent: formatMicros(used),
    remaining: formatMicros(left > 0n ? left : 0n),
  };
  if (used + session.estimateMicros > session.capMicros) {
    answer.decision = 'deny';
    answer.reason = `Denied: session ${session.id} has spent and reserved ${
      answer.session.spent
    } of its cap of ${answer.session.cap} ${answer.currency}; ${formatMicros(
      session.estimateMicros,
    )} more would pass it`;
  }
}

/** The answer to a reservation whose idempotency key was seen before: that reservation. */
export function replayedAnswer(
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
