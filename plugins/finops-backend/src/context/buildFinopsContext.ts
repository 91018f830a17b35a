import {
  AuditorService,
  AuthService,
  DatabaseService,
  HttpAuthService,
  LifecycleService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  ActionsRegistryService,
  MetricsService,
} from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { readGovernanceRules } from '@tollgate/plugin-finops-common';
import { CostSource, ScorecardMetric } from '@tollgate/plugin-finops-node';
import { FinopsActionServices } from '../actions/FinopsActionServices';
import { BudgetSnapshotTask } from '../budgets/BudgetSnapshotTask';
import { CostQueryService } from '../costs/CostQueryService';
import { UnitCostService } from '../costs/UnitCostService';
import { CostPrecedence } from '../costs/store/CostPrecedence';
import { DatabaseCostStore } from '../costs/store/DatabaseCostStore';
import { migrateFinopsDatabase } from '../database/migrateFinopsDatabase';
import { CatalogEntityLoader } from '../entities/CatalogEntityLoader';
import { GovernanceService } from '../governance/GovernanceService';
import { RouterOptions } from '../http/createRouter';
import { IngestionFollowUp } from './IngestionFollowUp';
import { ConfigPriceBook } from '../pricing/ConfigPriceBook';
import { readFinopsConfig } from './readFinopsConfig';
import { createReconciliation } from '../reconciliation/createReconciliation';
import { createScorecards } from '../scorecards/createScorecards';
import { IngestionScheduler } from '../sources/IngestionScheduler';
import { FinopsGauges } from '../telemetry/FinopsGauges';
import { UnallocatedSpendService } from '../unallocated/UnallocatedSpendService';
import { buildBudgetServices } from './buildBudgetServices';
import { buildMeteringServices } from './buildMeteringServices';
import { buildSourceServices } from './buildSourceServices';

/** What the finops services are built from: the plugin's dependencies and what modules added. */
export interface FinopsContextOptions {
  config: RootConfigService;
  database: DatabaseService;
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  permissions: PermissionsService;
  catalog: CatalogService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  metrics: MetricsService;
  notifications: NotificationService;
  actionsRegistry: ActionsRegistryService;
  /** Cost sources added by modules. */
  sources: CostSource[];
  /** Scorecard metrics added by modules, beside the built-in ones. */
  scorecardMetrics: ScorecardMetric[];
}

/** The finops services, as the router, the actions and the scheduled tasks take them. */
export interface FinopsContext {
  router: RouterOptions;
  actions: FinopsActionServices;
  budgetSnapshotTask: BudgetSnapshotTask;
  ingestionScheduler: IngestionScheduler;
}

/**
 * Reads and checks the configuration, migrates the database and builds every finops
 * service once, with what follows an ingestion connected. Invalid configuration fails
 * here, naming its key.
 */
export async function buildFinopsContext(
  options: FinopsContextOptions,
): Promise<FinopsContext> {
  const { config, logger, catalog, sources } = options;
  const settings = readFinopsConfig(config, sources);
  const { currency } = settings;
  const db = await migrateFinopsDatabase(options.database);
  const precedence = CostPrecedence.fromConfig(config, sources);
  const costStore = DatabaseCostStore.fromKnex(db, precedence);
  const priceBook = ConfigPriceBook.fromConfig(config);
  const entities = new CatalogEntityLoader(catalog, options.auth);

  const { runner, reattributor, sourceStatus, sourceRuns, ingestionScheduler } =
    await buildSourceServices({
      db,
      sources,
      settings,
      costStore,
      priceBook,
      entities,
      scheduler: options.scheduler,
      logger,
    });
  const {
    budgets,
    guardrail,
    alertStore,
    notifier,
    alerts,
    warnAtPercent,
    snapshotTask,
  } = buildBudgetServices({
    config,
    db,
    currency,
    costStore,
    entities,
    reattributor,
    notifications: options.notifications,
    scheduler: options.scheduler,
    logger,
  });
  const scorecards = createScorecards({
    config,
    db,
    costStore,
    logger,
    currency,
    metrics: options.scorecardMetrics,
  });
  // Before reconciliation, whose drift alerts after a run wait for the snapshot.
  new IngestionFollowUp({
    runner,
    reattributor,
    budgets,
    alerts,
    scorecards: scorecards.evaluator,
    // Gauges read the latest snapshot and scorecard results, never the database.
    gauges: new FinopsGauges(options.metrics),
  }).start();
  const reconciliation = createReconciliation({
    config,
    db,
    sources: () => sources,
    precedence,
    prices: priceBook,
    currency,
    runner,
    alertStore,
    notifier,
    logger,
    actionsRegistry: options.actionsRegistry,
    permissions: options.permissions,
  });
  const { metering, meteringQueries } = buildMeteringServices({
    db,
    currency,
    precedence,
    priceBook,
    budgets,
    warnAtPercent,
    alertStore,
    notifier,
    auditor: options.auditor,
    lifecycle: options.lifecycle,
    logger,
  });

  const costQueries = new CostQueryService(costStore, sourceStatus, currency);
  return {
    router: {
      auditor: options.auditor,
      httpAuth: options.httpAuth,
      auth: options.auth,
      permissions: options.permissions,
      catalog,
      costStore,
      costQueries,
      unitCosts: new UnitCostService(costStore, currency),
      sourceStatus,
      sourceRuns,
      governance: new GovernanceService(
        catalog,
        readGovernanceRules(config.getOptional('tollgate.governance')),
      ),
      budgets: {
        budgets,
        guardrail,
        alertStore,
        metering,
        currency,
      },
      scorecards: scorecards.queries,
      metering,
      meteringQueries,
      priceBook,
      reconciliation,
      unallocated: new UnallocatedSpendService({
        costStore,
        loadEntities: () => entities.load(),
        currency,
      }),
    },
    actions: {
      permissions: options.permissions,
      catalog,
      costStore,
      costQueries,
      budgets,
      guardrail,
      metering,
      alertStore,
      scorecards: scorecards.queries,
      currency,
    },
    budgetSnapshotTask: snapshotTask,
    ingestionScheduler,
  };
}
