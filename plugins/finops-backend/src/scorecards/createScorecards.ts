import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { readScorecardDefinitions } from '@tollgate/plugin-finops-common';
import { ScorecardMetric } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import { readBudgetSettings } from '../budgets/readBudgetSettings';
import { CostStore } from '../costs/store/CostStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { builtInScorecardMetrics } from './metrics';
import { ScorecardEvaluator } from './ScorecardEvaluator';
import { ScorecardQueries } from './ScorecardQueries';

/**
 * Reads `tollgate.scorecards` (failing startup on an invalid definition or a metric
 * no one provides) and builds the evaluator, run after each budget snapshot, and the
 * queries of the routes.
 */
export function createScorecards(options: {
  config: Config;
  db: Knex;
  costStore: CostStore;
  logger: LoggerService;
  currency: string;
  /** Metrics added by modules, beside the built-in ones. */
  metrics: ScorecardMetric[];
}) {
  const metrics = [
    // Spend anomalies are judged with the minimum rise of anomaly alerts.
    ...builtInScorecardMetrics(readBudgetSettings(options.config)),
    ...options.metrics,
  ];
  const ids = new Set<string>();
  for (const metric of metrics) {
    if (ids.has(metric.id)) {
      throw new Error(`Scorecard metric ${metric.id} is added twice`);
    }
    ids.add(metric.id);
  }
  // Validated once at startup; the config is read again at each evaluation.
  const read = () =>
    readScorecardDefinitions(
      options.config.getOptional('tollgate.scorecards'),
      [...ids],
    );
  read();
  const store = DatabaseScorecardStore.fromKnex(options.db);
  return {
    evaluator: new ScorecardEvaluator({
      definitions: read,
      metrics,
      costStore: options.costStore,
      store,
      currency: options.currency,
      logger: options.logger,
    }),
    queries: new ScorecardQueries(store),
  };
}
