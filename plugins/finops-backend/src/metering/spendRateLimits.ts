import {
  BudgetScope,
  GuardrailDecision,
  SpendRateLimitStatus,
  budgetScopeKey,
} from '@tollgate/plugin-finops-common';
import { BudgetSnapshot, BudgetedEntity } from '../budgets/BudgetSnapshot';
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
  entity: BudgetedEntity,
  currency: string,
): ScopedRateLimit[] {
  const limits: ScopedRateLimit[] = [];
  const add = (declaring: BudgetedEntity | undefined) => {
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
  const { kind, value } = budgetScopeKey(limit.scope);
  return `${kind}:${value}`;
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
  let shown: { limit: ScopedRateLimit; left: bigint } | undefined;
  for (const [i, limit] of limits.entries()) {
    const left =
      limit.amountMicros - taken[i].spentMicros - taken[i].reservedMicros;
    if (!shown || left < shown.left) shown = { limit, left };
    if (applyRateLimit(answer, limit, taken[i], estimateMicros)) {
      return limit;
    }
  }
  if (shown) {
    answer.spendRateLimit = spendRateStatus(
      shown.limit,
      taken[limits.indexOf(shown.limit)],
    );
  }
  return undefined;
}
