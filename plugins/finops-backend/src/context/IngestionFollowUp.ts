import { AlertEvaluator } from '../alerts/AlertEvaluator';
import { BudgetService, SnapshotEvaluation } from '../budgets/BudgetService';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { ScorecardEvaluator } from '../scorecards/ScorecardEvaluator';
import { CostSourceRunner } from '../sources/CostSourceRunner';
import { SourceRun } from '../sources/SourceRunStore';
import { UnknownEntityReattributor } from '../sources/UnknownEntityReattributor';
import { FinopsGauges } from '../telemetry/FinopsGauges';

/**
 * What follows an ingestion, in this order: the budget snapshot is rebuilt, then its
 * budgets go to the gauges, alerts are raised, and scorecards are scored with their
 * results to the gauges. Records re-attributed to entities that joined the catalog are
 * followed the same way.
 *
 * Every snapshot worth evaluating is followed, whatever rebuilt it; one made for
 * metered usage alone raises budget alerts but leaves anomalies and scorecards, which
 * read history, to the next full evaluation.
 */
export class IngestionFollowUp {
  constructor(
    private readonly options: {
      runner: Pick<CostSourceRunner, 'onRunFinished'>;
      reattributor: Pick<
        UnknownEntityReattributor,
        'onAttributed' | 'invalidate'
      >;
      budgets: Pick<BudgetService, 'onSnapshot' | 'refresh'>;
      alerts: Pick<AlertEvaluator, 'evaluate'>;
      scorecards: Pick<ScorecardEvaluator, 'evaluate'>;
      gauges: Pick<FinopsGauges, 'updateBudgets' | 'updateScorecards'>;
    },
  ) {}

  /** Listens to runs, re-attributions and snapshots; once, before any run starts. */
  start() {
    const { runner, reattributor, budgets } = this.options;
    // One listener per step: the snapshot's listeners run in turn, and one that fails
    // is logged without stopping those after it.
    budgets.onSnapshot(async snapshot => this.updateBudgetGauges(snapshot));
    budgets.onSnapshot((snapshot, evaluation) =>
      this.raiseAlerts(snapshot, evaluation),
    );
    budgets.onSnapshot((snapshot, evaluation) =>
      this.scoreScorecards(snapshot, evaluation),
    );
    reattributor.onAttributed(() => void budgets.refresh());
    runner.onRunFinished(run => this.afterRun(run));
  }

  /** New data may hold records for entities now in the catalog; budgets count it. */
  private async afterRun(run: SourceRun) {
    this.options.reattributor.invalidate();
    if (run.status === 'succeeded') {
      await this.options.budgets.refresh();
    }
  }

  private updateBudgetGauges(snapshot: BudgetSnapshot) {
    this.options.gauges.updateBudgets(snapshot);
  }

  private raiseAlerts(
    snapshot: BudgetSnapshot,
    evaluation: SnapshotEvaluation,
  ) {
    return this.options.alerts.evaluate(snapshot, {
      anomalies: evaluation === 'full',
    });
  }

  private async scoreScorecards(
    snapshot: BudgetSnapshot,
    evaluation: SnapshotEvaluation,
  ) {
    if (evaluation === 'full') {
      this.options.gauges.updateScorecards(
        await this.options.scorecards.evaluate(snapshot),
      );
    }
  }
}
