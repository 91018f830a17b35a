import {
  BudgetScope,
  GuardrailDecision,
  SpendRateLimitStatus,
} from '@tollgate/plugin-finops-common';
import { BudgetSnapshot, scopeKey } from '../budgets/BudgetSnapshot';
import { CostedEntity } from '../entities/CostedEntity';
import { BudgetTaken } from './reservationSums';
import {
  EntityRateLimit,
  applyRateLimit,
  spendRateStatus,
} from './reservationVerdict';

/** A spend-rate limit with whose spend it caps: an entity's (and its parts') or a team's. */
export interface ScopedRateLimit extends EntityRateLimit {
  scope: BudgetScope;
  /** For an entity's limit, the refs whose spend it counts. */
  spendRefs: string[];
}

/**
 * The spend-rate limits a call of an entity is held to, in the currency asked about:
 * the entity's own `tollgate.dev/spend-rate-limit` and the one its team's Group declares,
 * which caps the whole team's metered spend.
 */
export function rateLimitsOf(
  snapshot: BudgetSnapshot,
  entity: CostedEntity,
  currency: string,
): ScopedRateLimit[] {
  const limits: ScopedRateLimit[] = [];
  const add = (declaring: CostedEntity | undefined) => {
    const limit = declaring?.spendRateLimit;
    if (declaring && limit?.currency === currency) {
      limits.push({
        ...limit,
        scope: declaring.ownScope,
        spendRefs: declaring.spendRefs,
      });
    }
  };
  add(entity);
  const group = entity.team ? snapshot.teamGroup(entity.team) : undefined;
  if (group && group !== entity) {
    add(group);
  }
  return limits;
}

/** The key a limit's trailing window is locked and alerted by. */
export function rateLimitKey(limit: ScopedRateLimit): string {
  return scopeKey(limit.scope);
}

/** Of limits and what their windows have taken, the one with the least left. */
export function tightestLimit(
  limits: ScopedRateLimit[],
  taken: BudgetTaken[],
): number | undefined {
  let tightest: { index: number; left: bigint } | undefined;
  limits.forEach((limit, index) => {
    const left =
      limit.amountMicros -
      taken[index].spentMicros -
      taken[index].reservedMicros;
    if (!tightest || left < tightest.left) tightest = { index, left };
  });
  return tightest?.index;
}

/**
 * Adds spend-rate limits to a guardrail answer: past any, the answer denies under hard
 * enforcement and warns otherwise, and says that limit; else it says the one with the
 * least left. Answers the limit the estimate would pass, if any.
 */
export function applyRateLimits(
  answer: GuardrailDecision & { spendRateLimit?: SpendRateLimitStatus },
  limits: ScopedRateLimit[],
  taken: BudgetTaken[],
  estimateMicros: bigint,
): ScopedRateLimit | undefined {
  for (const [i, limit] of limits.entries()) {
    if (applyRateLimit(answer, limit, taken[i], estimateMicros)) {
      return limit;
    }
  }
  const shown = tightestLimit(limits, taken);
  if (shown !== undefined) {
    answer.spendRateLimit = spendRateStatus(limits[shown], taken[shown]);
  }
  return undefined;
}
