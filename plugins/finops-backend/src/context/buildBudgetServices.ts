import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { AlertEvaluator } from '../alerts/AlertEvaluator';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { DatabaseAlertStore } from '../alerts/DatabaseAlertStore';
import { BudgetEvaluator } from '../budgets/BudgetEvaluator';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetSnapshotTask } from '../budgets/BudgetSnapshotTask';
import { DatabaseBudgetStore } from '../budgets/DatabaseBudgetStore';
import { readBudgetSettings } from '../budgets/readBudgetSettings';
import { CostStore } from '../costs/store/CostStore';
import { CatalogEntityLoader } from '../entities/CatalogEntityLoader';
import { GuardrailService } from '../guardrail/GuardrailService';
import { UnknownEntityReattributor } from '../sources/UnknownEntityReattributor';

/**
 * Budgets from `tollgate.budgets`: the snapshot and its periodic refresh, the
 * guardrail answered from it, and the alerts it raises with their notifier.
 */
export function buildBudgetServices(options: {
  config: Config;
  db: Knex;
  currency: string;
  costStore: CostStore;
  entities: CatalogEntityLoader;
  reattributor: UnknownEntityReattributor;
  notifications: NotificationService;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  const { config, db, currency, costStore, logger } = options;
  const settings = readBudgetSettings(config);
  const budgetStore = DatabaseBudgetStore.fromKnex(db);
  const budgets = new BudgetService({
    evaluator: new BudgetEvaluator({
      costStore,
      budgetStore,
      loadEntities: () => options.entities.load(),
      reattributor: options.reattributor,
      logger,
    }),
    budgetStore,
    logger,
  });
  const alertStore = DatabaseAlertStore.fromKnex(db);
  const notifier = new AlertNotifier({
    notifications: options.notifications,
    webhookUrl: settings.webhookUrl,
    logger,
  });
  return {
    budgets,
    warnAtPercent: settings.warnAtPercent,
    guardrail: new GuardrailService(
      budgets,
      settings.warnAtPercent,
      settings.maxSnapshotAgeMs,
    ),
    alertStore,
    notifier,
    alerts: new AlertEvaluator({
      alertStore,
      costStore,
      notifier,
      currency,
      anomalyMinIncreaseMicros: settings.anomalyMinIncreaseMicros,
      anomalyDays: settings.anomalyDays,
    }),
    snapshotTask: BudgetSnapshotTask.fromConfig(config, {
      scheduler: options.scheduler,
      budgets,
    }),
  };
}
