import { budgetStatus } from './budgetStatus';
import { decideGuardrail, guardrailBudget } from './decideGuardrail';
import { Budget, BudgetStatus } from './types';

function statusOf(
  overrides: Partial<Budget>,
  spentMicros: bigint,
): BudgetStatus {
  return budgetStatus({
    budget: {
      id: 'b',
      scope: { entityRef: 'component:default/summarizer' },
      amount: '100.00',
      currency: 'USD',
      period: 'month',
      thresholds: [50, 80, 100],
      enforcement: 'hard',
      origin: 'api',
      ...overrides,
    },
    daily: new Map([['2026-11-20', spentMicros]]),
    asOf: '2026-11-20',
  });
}

function decide(statuses: BudgetStatus[], estimate: bigint) {
  return decideGuardrail({
    entityRef: 'component:default/summarizer',
    estimateMicros: estimate,
    currency: 'USD',
    budgets: statuses.map(guardrailBudget),
    snapshotAt: '2026-11-20T10:00:00.000Z',
  });
}

describe('decideGuardrail', () => {
  const hard95 = statusOf({}, 95_000_000n);

  it('denies a spend that would take a hard budget past 100 percent', () => {
    const result = decide([hard95], 10_000_000n);
    expect(result.decision).toBe('deny');
    expect(result.budget).toMatchObject({
      id: 'b',
      remaining: '5.00',
      utilizationAfter: 105,
      resetsAt: '2026-12-01T00:00:00.000Z',
    });
    expect(result.reason).toContain('would reach 105%');
  });

  it('allows, with a warning past 80 percent, a spend that stays within it', () => {
    const result = decide([hard95], 1_000_000n);
    expect(result.decision).toBe('warn');
    expect(result.budget?.utilizationAfter).toBe(96);
  });

  it('allows a spend that reaches exactly 100 percent of a hard budget', () => {
    expect(decide([hard95], 5_000_000n).decision).toBe('warn');
    expect(decide([hard95], 5_000_001n).decision).toBe('deny');
  });

  it('allows below the warning level', () => {
    const result = decide([statusOf({}, 10_000_000n)], 1_000_000n);
    expect(result.decision).toBe('allow');
  });

  it('only warns for an advisory budget, however far over', () => {
    const result = decide(
      [statusOf({ enforcement: 'advisory' }, 95_000_000n)],
      50_000_000n,
    );
    expect(result.decision).toBe('warn');
    expect(result.reason).toMatch(/^Over budget/);
  });

  it('lets the strictest of several budgets decide', () => {
    const team = statusOf(
      {
        id: 'team',
        scope: { team: 'payments' },
        amount: '1000.00',
        enforcement: 'hard',
      },
      990_000_000n,
    );
    const own = statusOf({ id: 'own', enforcement: 'advisory' }, 10_000_000n);
    const result = decide([own, team], 20_000_000n);
    expect(result.decision).toBe('deny');
    expect(result.budget?.id).toBe('team');
    expect(result.reason).toContain('team payments');
  });

  it('allows an entity without a budget and says so', () => {
    const result = decide([], 1_000_000_000n);
    expect(result).toMatchObject({
      decision: 'allow',
      reason: 'No budget covers component:default/summarizer; allowed',
    });
    expect(result.budget).toBeUndefined();
  });

  it('does not compare advisory budgets in another currency', () => {
    const result = decide(
      [statusOf({ currency: 'EUR', enforcement: 'advisory' }, 99_000_000n)],
      10_000_000n,
    );
    expect(result.decision).toBe('allow');
    expect(result.reason).toContain('No budget in USD');
  });

  it('denies an estimate in another currency than a hard budget, naming both', () => {
    const result = decide(
      [statusOf({ currency: 'EUR' }, 1_000_000n)],
      1_000_000n,
    );
    expect(result).toMatchObject({
      decision: 'deny',
      reason:
        'Denied: the hard budget of component:default/summarizer is kept in EUR, and an estimate in USD cannot be compared with it; estimate in EUR',
      budget: { id: 'b', enforcement: 'hard', spent: '1.00' },
    });
  });
});
