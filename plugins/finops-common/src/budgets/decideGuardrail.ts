import { formatMicros, parseMicros } from '../money/Money';
import { percentOf } from './budgetStatus';
import { describeBudgetScope } from './describeBudgetScope';
import { BudgetStatus, GuardrailDecision, GuardrailVerdict } from './types';

/** Utilization after the estimate from which a guardrail warns. @public */
export const DEFAULT_GUARDRAIL_WARN_PERCENT = 80;

const SEVERITY: Record<GuardrailVerdict, number> = {
  allow: 0,
  warn: 1,
  deny: 2,
};

/**
 * A budget's status with its amount and spend parsed, so that a snapshot parses them
 * once rather than on every guardrail check.
 *
 * @public
 */
export interface GuardrailBudget {
  status: BudgetStatus;
  amountMicros: bigint;
  spentMicros: bigint;
}

/** Parses a status for {@link decideGuardrail}. @public */
export function guardrailBudget(status: BudgetStatus): GuardrailBudget {
  return {
    status,
    amountMicros: parseMicros(status.budget.amount) ?? 0n,
    spentMicros: parseMicros(status.spent) ?? 0n,
  };
}

/**
 * Decides whether a spend of `estimateMicros` may go ahead under the budgets that cover
 * an entity (its own, its team's, its cost center's).
 *
 * A hard budget denies when spent plus the estimate would pass its amount; an advisory
 * budget then warns. Any budget warns when spent plus the estimate reaches
 * `warnAtPercent` of it. The most severe answer wins; among equals, the budget with the
 * least left decides. An advisory budget in another currency than the estimate is not
 * compared; a hard one denies, since what the estimate would leave of it is unknown:
 * the caller must estimate in the hard budget's currency.
 *
 * @public
 */
export function decideGuardrail(options: {
  entityRef: string;
  estimateMicros: bigint;
  currency: string;
  budgets: GuardrailBudget[];
  warnAtPercent?: number;
  snapshotAt: string;
}): GuardrailDecision {
  const { entityRef, estimateMicros, currency, budgets } = options;
  const warnAt = BigInt(
    options.warnAtPercent ?? DEFAULT_GUARDRAIL_WARN_PERCENT,
  );
  const base = {
    entityRef,
    estimatedCost: formatMicros(estimateMicros),
    currency,
    snapshotAt: options.snapshotAt,
  };
  let best:
    | {
        verdict: GuardrailVerdict;
        left: bigint;
        status: BudgetStatus;
        after: bigint;
        amount: bigint;
      }
    | undefined;
  for (const { status, amountMicros: amount, spentMicros } of budgets) {
    if (status.budget.currency !== currency) {
      if (status.budget.enforcement === 'hard') {
        return denyOtherCurrency(base, status);
      }
      continue;
    }
    const after = spentMicros + estimateMicros;
    let verdict: GuardrailVerdict = 'allow';
    if (after > amount) {
      verdict = status.budget.enforcement === 'hard' ? 'deny' : 'warn';
    } else if (after * 100n >= amount * warnAt) {
      verdict = 'warn';
    }
    const left = amount - after;
    if (
      !best ||
      SEVERITY[verdict] > SEVERITY[best.verdict] ||
      (SEVERITY[verdict] === SEVERITY[best.verdict] && left < best.left)
    ) {
      best = { verdict, left, status, after, amount };
    }
  }
  if (!best) {
    return {
      ...base,
      decision: 'allow',
      reason: budgets.length
        ? `No budget in ${currency} covers ${entityRef}; allowed`
        : `No budget covers ${entityRef}; allowed`,
    };
  }
  const { status, verdict, after, amount } = best;
  const utilizationAfter = Math.round(percentOf(after, amount) * 10) / 10;
  const what = `${status.budget.enforcement} budget of ${describeBudgetScope(
    status.budget.scope,
  )} (${status.budget.amount} ${status.budget.currency}/${
    status.budget.period
  })`;
  const spend = `${status.spent} spent + ${base.estimatedCost} estimated`;
  const reason = {
    deny: `Denied: the ${what} would reach ${utilizationAfter}% (${spend}); it resets at ${status.resetsAt}`,
    warn:
      after > amount
        ? `Over budget: the ${what} would reach ${utilizationAfter}% (${spend}); advisory, so allowed`
        : `Allowed with a warning: the ${what} would reach ${utilizationAfter}% (${spend}), past the ${warnAt}% warning level`,
    allow: `Allowed: the ${what} would reach ${utilizationAfter}% (${spend})`,
  }[verdict];
  return {
    ...base,
    decision: verdict,
    reason,
    budget: decidingBudget(status, utilizationAfter),
  };
}

/** The answer when a hard budget is kept in another currency than the estimate. */
function denyOtherCurrency(
  base: Pick<
    GuardrailDecision,
    'entityRef' | 'estimatedCost' | 'currency' | 'snapshotAt'
  >,
  status: BudgetStatus,
): GuardrailDecision {
  const { budget } = status;
  return {
    ...base,
    decision: 'deny',
    reason: `Denied: the hard budget of ${describeBudgetScope(
      budget.scope,
    )} is kept in ${budget.currency}, and an estimate in ${
      base.currency
    } cannot be compared with it; estimate in ${budget.currency}`,
    budget: decidingBudget(status, status.utilization),
  };
}

/** The budget that decided, as the answer shows it. */
function decidingBudget(
  status: BudgetStatus,
  utilizationAfter: number,
): GuardrailDecision['budget'] {
  const { budget } = status;
  return {
    id: budget.id,
    scope: budget.scope,
    amount: budget.amount,
    period: budget.period,
    enforcement: budget.enforcement,
    spent: status.spent,
    remaining: status.remaining,
    utilizationAfter,
    resetsAt: status.resetsAt,
  };
}
