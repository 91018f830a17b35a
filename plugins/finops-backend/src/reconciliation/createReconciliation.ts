import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { Config } from '@backstage/config';
import { CostSource } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { AlertStore } from '../alerts/AlertStore';
import { CostPrecedence } from '../costs/store/CostPrecedence';
import { CostSourceRunner } from '../sources/CostSourceRunner';
import { DatabaseReconciliationStore } from './DatabaseReconciliationStore';
import { ModelPriceLookup } from './FigureTable';
import { ReconciliationAlerts } from './ReconciliationAlerts';
import { ReconciliationService } from './ReconciliationService';
import { readReconciliationSettings } from './readReconciliationSettings';
import { registerReconciliationAction } from './reconciliationAction';

/**
 * Builds reconciliation from `tollgate.reconciliation`, registers its action, and
 * judges drift for alerts after each ingestion run of `runner`.
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
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
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
  registerReconciliationAction(options.actionsRegistry, {
    permissions: options.permissions,
    reconciliation,
  });
  return reconciliation;
}
