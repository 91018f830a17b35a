import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CostSource } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { AlertStore } from '../alerts/AlertStore';
import { CostPrecedence } from '../database/CostPrecedence';
import { CostSourceRunner } from '../ingestion/CostSourceRunner';
import { DatabaseReconciliationStore } from './DatabaseReconciliationStore';
import { ModelPriceLookup } from './FigureTable';
import { ReconciliationAlerts } from './ReconciliationAlerts';
import { ReconciliationService } from './ReconciliationService';
import { readReconciliationSettings } from './readReconciliationSettings';

/**
 * Builds reconciliation from `tollgate.reconciliation`, and judges drift for alerts
 * after each ingestion run of `runner`.
 */
export function createReconciliation(options: {
  config: Config;
  db: Knex;
  sources: () => ReadonlyArray<CostSource>;
  precedence: CostPrecedence;
  prices: ModelPriceLookup;
  currency: string;
  runner: Pick<CostSourceRunner, 'onRunFinished'>;
  alertStore: AlertStore;
  notifier: AlertNotifier;
  logger: LoggerService;
}): ReconciliationService {
  const { precedence, currency } = options;
  const reconciliation = new ReconciliationService({
    store: DatabaseReconciliationStore.fromKnex(options.db),
    sources: options.sources,
    rank: sourceId => precedence.rank(sourceId),
    prices: options.prices,
    currency,
    ...readReconciliationSettings(options.config),
  });
  const alerts = new ReconciliationAlerts({
    reconciliation,
    alertStore: options.alertStore,
    notifier: options.notifier,
    currency,
    logger: options.logger,
  });
  options.runner.onRunFinished(async run => {
    await alerts.afterRun(run);
  });
  return reconciliation;
}
