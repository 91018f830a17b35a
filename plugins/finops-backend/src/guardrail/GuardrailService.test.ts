import { budgetStatus } from '@tollgate/plugin-finops-common';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { GuardrailService } from './GuardrailService';

const SUMMARIZER = 'component:default/summarizer';

/** A snapshot taken at `takenAt` with one budget of the summarizer, 10 of 100 spent. */
function snapshot(takenAt: string, enforcement: 'hard' | 'advisory') {
  const status = budgetStatus({
    budget: {
      id: 'b',
      scope: { entityRef: SUMMARIZER },
      amount: '100.00',
      currency: 'USD',
      period: 'month',
      thresholds: [50, 80, 100],
      enforcement,
      origin: 'api',
    },
    daily: new Map([['2026-11-20', 10_000_000n]]),
    asOf: '2026-11-20',
  });
  return new BudgetSnapshot(
    takenAt,
    '2026-11-20',
    [status],
    [],
    [
      {
        entityRef: SUMMARIZER,
        ownScope: { entityRef: SUMMARIZER },
        spendRefs: [SUMMARIZER],
      },
    ],
  );
}

function guardrail(current: BudgetSnapshot, now: string) {
  const budgets = { current: () => current } as BudgetService;
  return new GuardrailService(budgets, 80, 15 * 60_000, () => new Date(now));
}

const estimate = {
  entityRef: SUMMARIZER,
  estimateMicros: 1_000_000n,
  currency: 'USD',
};

describe('GuardrailService', () => {
  it('answers from a fresh snapshot as the budgets say', () => {
    const fresh = guardrail(
      snapshot('2026-11-20T10:00:00.000Z', 'hard'),
      '2026-11-20T10:14:00.000Z',
    ).check(estimate);
    expect(fresh).toMatchObject({ decision: 'allow' });
    expect(fresh.stale).toBeUndefined();
  });

  it('fails closed under a hard budget when the snapshot is older than allowed', () => {
    const stale = guardrail(
      snapshot('2026-11-20T10:00:00.000Z', 'hard'),
      '2026-11-20T10:16:00.000Z',
    ).check(estimate);
    expect(stale).toMatchObject({
      decision: 'deny',
      stale: true,
      reason:
        'Denied: the budget snapshot of 2026-11-20T10:00:00.000Z is older than 15 minutes (tollgate.budgets.maxSnapshotAgeMinutes), so what the hard budget of component:default/summarizer has left is unknown',
    });
  });

  it('says an advisory answer is stale without denying', () => {
    const stale = guardrail(
      snapshot('2026-11-20T10:00:00.000Z', 'advisory'),
      '2026-11-20T11:00:00.000Z',
    ).check(estimate);
    expect(stale).toMatchObject({ decision: 'allow', stale: true });
    expect(stale.reason).toContain('; stale: the budget snapshot');
  });
});
