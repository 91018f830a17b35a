import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { BudgetStatus } from '@tollgate/plugin-finops-common';
import { BudgetEvaluator } from './BudgetEvaluator';
import { BudgetService } from './BudgetService';
import { BudgetSnapshot } from './BudgetSnapshot';
import { BudgetStore } from './BudgetStore';

const catalogEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'summarizer', namespace: 'default' },
  spec: { owner: 'group:default/ml' },
};

function status(amount: string): BudgetStatus {
  return {
    budget: {
      id: 'annotation:component:default/summarizer',
      scope: { entityRef: 'component:default/summarizer' },
      amount,
      currency: 'USD',
      period: 'month',
      thresholds: [50, 80, 100],
      enforcement: 'hard',
      origin: 'annotation',
    },
    period: { from: '2026-11-01', to: '2026-11-30' },
    resetsAt: '2026-12-01T00:00:00Z',
    asOf: '2026-11-20',
    spent: '10.00',
    forecast: '15.00',
    remaining: '90.00',
    utilization: 10,
    forecastUtilization: 15,
    thresholdsCrossed: [],
    forecastThresholdsCrossed: [],
    daysUntilExhaustion: null,
  };
}

/** A budget service whose evaluator returns what the test sets, and what its listener heard. */
function setup() {
  let next = { asOf: '2026-11-20', amount: '100.00' };
  let evaluations = 0;
  const catalogReads: boolean[] = [];
  const evaluator = {
    evaluate: async (options: { catalogEntities?: Entity[] } = {}) => {
      evaluations += 1;
      catalogReads.push(!options.catalogEntities);
      return new BudgetSnapshot(
        `${next.asOf}T10:00:00.000Z`,
        next.asOf,
        [status(next.amount)],
        [],
        [],
        options.catalogEntities ?? [catalogEntity],
      );
    },
  } as unknown as BudgetEvaluator;
  const service = new BudgetService({
    evaluator,
    budgetStore: {} as BudgetStore,
    logger: mockServices.logger.mock(),
  });
  const heard: string[] = [];
  service.onSnapshot(async (snapshot, evaluation) => {
    heard.push(
      `${snapshot.asOf} ${snapshot.statuses.map(s => s.budget.amount)}${
        evaluation === 'full' ? '' : ` (${evaluation})`
      }`,
    );
  });
  return {
    service,
    heard,
    catalogReads,
    evaluations: () => evaluations,
    set: (changes: Partial<typeof next>) => {
      next = { ...next, ...changes };
    },
  };
}

describe('BudgetService', () => {
  it('hands every snapshot that follows a change to its listeners', async () => {
    const { service, heard } = setup();
    await service.refresh();
    await service.refresh('change');
    expect(heard).toEqual(['2026-11-20 100.00', '2026-11-20 100.00']);
  });

  it('hands a periodic snapshot on only when the day or the budgets are new', async () => {
    const { service, heard, evaluations, set } = setup();
    await service.refresh('schedule');
    await service.refresh('schedule');
    expect(evaluations()).toBe(2);
    expect(heard).toEqual(['2026-11-20 100.00']);

    set({ amount: '120.00' });
    await service.refresh('schedule');
    set({ asOf: '2026-11-21' });
    await service.refresh('schedule');
    await service.refresh('schedule');
    expect(heard).toEqual([
      '2026-11-20 100.00',
      '2026-11-20 120.00',
      '2026-11-21 120.00',
    ]);
    expect(service.current().asOf).toBe('2026-11-21');
  });

  it('asks only for the metered evaluation after metered usage, and for the full one at the next periodic refresh', async () => {
    const { service, heard } = setup();
    await service.refresh('schedule');
    await service.refresh('metered');
    await service.refresh('metered');
    expect(heard).toEqual([
      '2026-11-20 100.00',
      '2026-11-20 100.00 (metered)',
      '2026-11-20 100.00 (metered)',
    ]);
    await service.refresh('schedule');
    await service.refresh('schedule');
    expect(heard.slice(3)).toEqual(['2026-11-20 100.00']);
  });

  it('reads the catalog again at a periodic refresh, however much metered usage comes in', async () => {
    const { service, heard, catalogReads } = setup();
    await service.refresh('schedule');
    await service.refresh('metered');
    // a periodic refresh asked for while metered usage keeps coming
    const running = service.refresh('metered');
    const queued = service.refresh('schedule');
    service.refresh('metered');
    await Promise.all([running, queued]);
    expect(catalogReads).toEqual([true, false, false, true]);
    expect(heard).toEqual([
      '2026-11-20 100.00',
      '2026-11-20 100.00 (metered)',
      '2026-11-20 100.00 (metered)',
      '2026-11-20 100.00',
    ]);
  });

  it('runs one refresh at a time and keeps a change asked for during one', async () => {
    const { service, heard, evaluations } = setup();
    await service.refresh('schedule');
    const running = service.refresh('schedule');
    const first = service.refresh('change');
    const second = service.refresh('schedule');
    expect(second).toBe(first);
    await Promise.all([running, first, second]);
    expect(evaluations()).toBe(3);
    // The queued refresh carries the change: listeners hear of it.
    expect(heard).toEqual(['2026-11-20 100.00', '2026-11-20 100.00']);
  });
});
