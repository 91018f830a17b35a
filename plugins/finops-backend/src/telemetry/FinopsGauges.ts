import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { StoredScorecardResult } from '../scorecards/ScorecardStore';
import { BudgetReadings, budgetReadings } from './budgetReadings';
import { GaugeReading } from './GaugeReading';
import { scorecardReadings } from './scorecardReadings';

/** The metric names, for the README and the tests. */
export const FINOPS_GAUGES = {
  budgetSpend: 'tollgate.budget.spend',
  budgetUtilization: 'tollgate.budget.utilization',
  scorecardScore: 'tollgate.scorecard.score',
} as const;

/**
 * Tollgate's OpenTelemetry gauges: spend and utilization of every budget in force, and
 * scorecard scores per entity and pillar.
 *
 * The latest budget snapshot and scorecard results are handed over as they are made;
 * the gauge callbacks only read them and never touch the database. Readings are worked
 * out at the first collection after an update and kept until the next one, so without
 * a metrics reader (OpenTelemetry's no-op meter never calls back) holding the gauges
 * costs two references.
 */
export class FinopsGauges {
  private snapshot?: BudgetSnapshot;
  private budgets?: BudgetReadings;
  private results: readonly StoredScorecardResult[] = [];
  private scores?: GaugeReading[];

  constructor(metrics: Pick<MetricsService, 'createObservableGauge'>) {
    metrics
      .createObservableGauge(FINOPS_GAUGES.budgetSpend, {
        description:
          'Spent in the current budget period to date, in the currency of the budget',
        unit: '{currency}',
      })
      .addCallback(result => observe(result, this.budgetReadings().spend));
    metrics
      .createObservableGauge(FINOPS_GAUGES.budgetUtilization, {
        description:
          'Spent in the current budget period over the budget amount (1 is the whole budget)',
        unit: '1',
      })
      .addCallback(result =>
        observe(result, this.budgetReadings().utilization),
      );
    metrics
      .createObservableGauge(FINOPS_GAUGES.scorecardScore, {
        description:
          'Latest scorecard score of an entity, 0 to 100, overall and per pillar',
        unit: '{score}',
      })
      .addCallback(result => observe(result, this.scorecardReadings()));
  }

  /** Takes the snapshot the budget gauges read from now on. */
  updateBudgets(snapshot: BudgetSnapshot) {
    this.snapshot = snapshot;
    this.budgets = undefined;
  }

  /** Takes the results of the latest scorecard evaluation, replacing all earlier ones. */
  updateScorecards(results: readonly StoredScorecardResult[]) {
    this.results = results;
    this.scores = undefined;
  }

  private budgetReadings(): BudgetReadings {
    if (!this.budgets) {
      this.budgets = this.snapshot
        ? budgetReadings(this.snapshot)
        : { spend: [], utilization: [] };
    }
    return this.budgets;
  }

  private scorecardReadings(): GaugeReading[] {
    if (!this.scores) {
      this.scores = scorecardReadings(this.results);
    }
    return this.scores;
  }
}

function observe(
  result: { observe(value: number, attributes?: Record<string, string>): void },
  readings: GaugeReading[],
) {
  for (const reading of readings) {
    result.observe(reading.value, reading.attributes);
  }
}
