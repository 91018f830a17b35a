import { mockServices } from '@backstage/backend-test-utils';
import { BudgetEvaluator } from '../budgets/BudgetEvaluator';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { BudgetStore } from '../budgets/BudgetStore';
import { StoredScorecardResult } from '../scorecards/ScorecardStore';
import { SourceRun } from '../sources/SourceRunStore';
import { IngestionFollowUp } from './IngestionFollowUp';

/** Lets other work run, so that steps not awaited in turn would interleave. */
const tick = () => new Promise(resolve => setImmediate(resolve));

function run(status: SourceRun['status']): SourceRun {
  return {
    id: 'run-1',
    sourceId: 'known:daily',
    trigger: 'schedule',
    window: { from: '2026-11-01', to: '2026-11-02' },
    status,
    startedAt: '2026-11-02T10:00:00.000Z',
    daysTotal: 2,
    daysDone: status === 'succeeded' ? 2 : 0,
    recordsWritten: 0,
  };
}

/**
 * The follow-up on a real budget service, with each step it drives recorded in
 * `steps` as it ends; `finished` waits for the scorecard gauges, the last step.
 */
function setup(options: { failAlerts?: boolean } = {}) {
  const steps: string[] = [];
  const snapshot = BudgetSnapshot.empty(new Date('2026-11-20T10:00:00Z'));
  const results: StoredScorecardResult[] = [];
  let scored: () => void = () => {};
  const runListeners: Array<(run: SourceRun) => Promise<void> | void> = [];
  const attributedListeners: Array<() => void> = [];
  const budgets = new BudgetService({
    evaluator: {
      evaluate: async () => {
        await tick();
        steps.push('budget snapshot');
        return snapshot;
      },
    } as unknown as BudgetEvaluator,
    budgetStore: {} as BudgetStore,
    logger: mockServices.logger.mock(),
  });
  new IngestionFollowUp({
    runner: { onRunFinished: listener => runListeners.push(listener) },
    reattributor: {
      onAttributed: listener => attributedListeners.push(listener),
      invalidate: () => steps.push('reattributor invalidated'),
    },
    budgets,
    alerts: {
      evaluate: async (evaluated, { anomalies } = {}) => {
        expect(evaluated).toBe(snapshot);
        await tick();
        if (options.failAlerts) {
          throw new Error('alert store unavailable');
        }
        steps.push(anomalies ? 'alerts with anomalies' : 'budget alerts');
        return [];
      },
    },
    scorecards: {
      evaluate: async evaluated => {
        expect(evaluated).toBe(snapshot);
        await tick();
        steps.push('scorecards');
        return results;
      },
    },
    gauges: {
      updateBudgets: updated => {
        expect(updated).toBe(snapshot);
        steps.push('budget gauges');
      },
      updateScorecards: updated => {
        expect(updated).toBe(results);
        steps.push('scorecard gauges');
        scored();
      },
    },
  }).start();
  return {
    steps,
    budgets,
    finishRun: async (finished: SourceRun) => {
      for (const listener of runListeners) {
        await listener(finished);
      }
    },
    attribute: () => attributedListeners.forEach(listener => listener()),
    finished: () =>
      new Promise<void>(resolve => {
        scored = resolve;
      }),
  };
}

const fullFollowUp = [
  'budget snapshot',
  'budget gauges',
  'alerts with anomalies',
  'scorecards',
  'scorecard gauges',
];

describe('IngestionFollowUp', () => {
  it('after a successful run rebuilds the snapshot, then updates budget gauges, raises alerts and scores scorecards, in that order', async () => {
    const { steps, finishRun } = setup();
    await finishRun(run('succeeded'));
    expect(steps).toEqual(['reattributor invalidated', ...fullFollowUp]);
  });

  it('after a failed run only reads the stored claims again at the next re-attribution', async () => {
    const { steps, finishRun } = setup();
    await finishRun(run('failed'));
    expect(steps).toEqual(['reattributor invalidated']);
  });

  it('follows re-attributed records as an ingestion', async () => {
    const { steps, attribute, finished } = setup();
    const done = finished();
    attribute();
    await done;
    expect(steps).toEqual(fullFollowUp);
  });

  it('after metered usage alone updates budget gauges and raises budget alerts, leaving anomalies and scorecards', async () => {
    const { steps, budgets } = setup();
    await budgets.refresh();
    steps.length = 0;
    await budgets.refresh('metered');
    expect(steps).toEqual([
      'budget snapshot',
      'budget gauges',
      'budget alerts',
    ]);
  });

  it('scores scorecards when raising alerts fails', async () => {
    const { steps, finishRun } = setup({ failAlerts: true });
    await finishRun(run('succeeded'));
    expect(steps).toEqual([
      'reattributor invalidated',
      'budget snapshot',
      'budget gauges',
      'scorecards',
      'scorecard gauges',
    ]);
  });
});
