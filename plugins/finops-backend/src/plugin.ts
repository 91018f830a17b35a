import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { finopsPermissions } from '@tollgate/plugin-finops-common';
import {
  CostSource,
  ScorecardMetric,
  finopsCostSourcesExtensionPoint,
  finopsScorecardMetricsExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { migrateFinopsDatabase } from './database/migrateFinopsDatabase';
import { DatabaseCostStore } from './costs/store/DatabaseCostStore';
import { DatabaseSourceRunStore } from './sources/DatabaseSourceRunStore';
import { CostPrecedence } from './costs/store/CostPrecedence';
import { CostSourceRunner } from './sources/CostSourceRunner';
import { IngestionScheduler } from './sources/IngestionScheduler';
import { ConfigPriceBook } from './pricing/ConfigPriceBook';
import { CostQueryService } from './costs/CostQueryService';
import { UnitCostService } from './costs/UnitCostService';
import { createRouter } from './http/createRouter';
import { SourceRunService } from './sources/SourceRunService';
import { SourceStatusService } from './sources/SourceStatusService';
import { readFinopsConfig } from './readFinopsConfig';
import { CatalogEntityLoader } from './entities/CatalogEntityLoader';
import { UnknownEntityReattributor } from './sources/UnknownEntityReattributor';
import { DatabaseMeteringStore } from './metering/DatabaseMeteringStore';
import { MeteringService } from './metering/MeteringService';
import { MeteringQueries } from './metering/MeteringQueries';
import { DatabaseDenialStore } from './metering/DatabaseDenialStore';
import { SpendRateAlerts } from './alerts/SpendRateAlerts';
import { GuardrailOutcomes } from './metering/GuardrailOutcomes';
import { GovernanceService } from './governance/GovernanceService';
import { readGovernanceRules } from '@tollgate/plugin-finops-common';
import { notificationService } from '@backstage/plugin-notifications-node';
import { DatabaseAlertStore } from './alerts/DatabaseAlertStore';
import { AlertEvaluator } from './alerts/AlertEvaluator';
import { AlertNotifier } from './alerts/AlertNotifier';
import { DatabaseBudgetStore } from './budgets/DatabaseBudgetStore';
import { BudgetEvaluator } from './budgets/BudgetEvaluator';
import { BudgetService } from './budgets/BudgetService';
import { GuardrailService } from './guardrail/GuardrailService';
import { readBudgetSettings } from './budgets/readBudgetSettings';
import { createScorecards } from './scorecards/createScorecards';
import { FinopsGauges } from './telemetry/FinopsGauges';
import { registerFinopsActions } from './actions/registerFinopsActions';
import { createReconciliation } from './reconciliation/createReconciliation';
import { UnallocatedSpendService } from './unallocated/UnallocatedSpendService';

/**
 * The finops backend plugin: cost storage, ingestion, price book and the REST API.
 *
 * @public
 */
export const finopsPlugin = createBackendPlugin({
  pluginId: 'finops',
  register(env) {
    const sources: CostSource[] = [];
    env.registerExtensionPoint(finopsCostSourcesExtensionPoint, {
      addCostSource(...added) {
        sources.push(...added);
      },
    });
    const scorecardMetrics: ScorecardMetric[] = [];
    env.registerExtensionPoint(finopsScorecardMetricsExtensionPoint, {
      addScorecardMetric(...added) {
        scorecardMetrics.push(...added);
      },
    });

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        metrics: metricsServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
      },
      async init(deps) {
        const {
          auth,
          catalog,
          config,
          database,
          httpAuth,
          httpRouter,
          logger,
        } = deps;
        const settings = readFinopsConfig(config, sources);
        const db = await migrateFinopsDatabase(database);
        const precedence = CostPrecedence.fromConfig(config, sources);
        const costStore = DatabaseCostStore.fromKnex(db, precedence);
        const runStore = DatabaseSourceRunStore.fromKnex(db);
        const interrupted = await runStore.failInterrupted(
          'interrupted: the backend stopped before the run ended; the window it was writing kept its earlier data',
        );
        if (interrupted > 0) {
          logger.warn(
            `Marked ${interrupted} interrupted source runs as failed`,
          );
        }
        const priceBook = ConfigPriceBook.fromConfig(config);
        const entities = new CatalogEntityLoader(catalog, auth);
        const runner = new CostSourceRunner({
          costStore,
          runStore,
          logger,
          priceBook,
          loadEntities: () => entities.load(),
          retry: settings.retry,
        });
        const sourceStatus = new SourceStatusService(
          () => sources,
          runStore,
          settings.staleAfterSeconds,
        );

        const budgetSettings = readBudgetSettings(config);
        const alertStore = DatabaseAlertStore.fromKnex(db);
        const reattributor = new UnknownEntityReattributor({
          costStore,
          logger,
        });
        const budgets = new BudgetService({
          evaluator: new BudgetEvaluator({
            costStore,
            budgetStore: DatabaseBudgetStore.fromKnex(db),
            loadEntities: () => entities.load(),
            reattributor,
            logger,
          }),
          budgetStore: DatabaseBudgetStore.fromKnex(db),
          logger,
        });
        const notifier = new AlertNotifier({
          notifications: deps.notifications,
          webhookUrl: budgetSettings.webhookUrl,
          logger,
        });
        const alerts = new AlertEvaluator({
          alertStore,
          costStore,
          notifier,
          currency: settings.currency,
          anomalyMinIncreaseMicros: budgetSettings.anomalyMinIncreaseMicros,
          anomalyDays: budgetSettings.anomalyDays,
        });
        // Gauges read the latest snapshot and scorecard results held here, never the database.
        const gauges = new FinopsGauges(deps.metrics);
        budgets.onSnapshot(async snapshot => gauges.updateBudgets(snapshot));
        budgets.onSnapshot((snapshot, evaluation) =>
          alerts.evaluate(snapshot, { anomalies: evaluation === 'full' }),
        );
        const scorecards = createScorecards({
          config,
          db,
          costStore,
          logger,
          currency: settings.currency,
          metrics: scorecardMetrics,
        });
        budgets.onSnapshot(async (snapshot, evaluation) => {
          if (evaluation === 'full') {
            gauges.updateScorecards(
              await scorecards.evaluator.evaluate(snapshot),
            );
          }
        });
        // Alerts and scorecards see attributed spend as after an ingestion.
        reattributor.onAttributed(() => void budgets.refresh());
        runner.onRunFinished(async run => {
          reattributor.invalidate();
          if (run.status === 'succeeded') {
            await budgets.refresh();
          }
        });

        const reconciliation = createReconciliation({
          config,
          db,
          sources: () => sources,
          precedence,
          prices: priceBook,
          currency: settings.currency,
          runner,
          alertStore,
          notifier,
          logger,
          actionsRegistry: deps.actionsRegistry,
          permissions: deps.permissions,
        });

        const denials = DatabaseDenialStore.fromKnex(db, { logger });
        deps.lifecycle.addShutdownHook(() => denials.flush());
        const metering = new MeteringService({
          store: DatabaseMeteringStore.fromKnex(db, precedence),
          budgets,
          priceBook,
          logger,
          warnAtPercent: budgetSettings.warnAtPercent,
          currency: settings.currency,
          outcomes: new GuardrailOutcomes({
            denials,
            spendRateAlerts: new SpendRateAlerts({
              alertStore,
              notifier,
              logger,
            }),
            budgets,
            auditor: deps.auditor,
          }),
        });

        const costQueries = new CostQueryService(
          costStore,
          sourceStatus,
          settings.currency,
        );
        const guardrail = new GuardrailService(
          budgets,
          budgetSettings.warnAtPercent,
          budgetSettings.maxSnapshotAgeMs,
        );
        deps.permissionsRegistry.addPermissions(finopsPermissions);
        registerFinopsActions(deps.actionsRegistry, {
          permissions: deps.permissions,
          catalog,
          costStore,
          costQueries,
          budgets,
          guardrail,
          metering,
          alertStore,
          scorecards: scorecards.queries,
          currency: settings.currency,
        });
        httpRouter.use(
          await createRouter({
            auditor: deps.auditor,
            httpAuth,
            auth,
            permissions: deps.permissions,
            catalog,
            costStore,
            costQueries,
            unitCosts: new UnitCostService(costStore, settings.currency),
            sourceStatus,
            sourceRuns: new SourceRunService(
              () => sources,
              runner,
              settings.manualRunTimeoutMs,
            ),
            governance: new GovernanceService(
              catalog,
              readGovernanceRules(config.getOptional('tollgate.governance')),
            ),
            budgets: {
              budgets,
              guardrail,
              alertStore,
              metering,
              currency: settings.currency,
            },
            scorecards: scorecards.queries,
            metering,
            meteringQueries: new MeteringQueries({
              db,
              denials,
              currency: settings.currency,
            }),
            priceBook,
            reconciliation,
            unallocated: new UnallocatedSpendService({
              costStore,
              loadEntities: () => entities.load(),
              currency: settings.currency,
            }),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        await deps.scheduler.scheduleTask({
          id: 'finops-budget-snapshot',
          scope: 'local',
          frequency: { minutes: budgetSettings.refreshMinutes },
          timeout: { minutes: 10 },
          fn: async () => {
            await budgets.refresh('schedule');
          },
        });

        await new IngestionScheduler({
          scheduler: deps.scheduler,
          runner,
          runStore,
          logger,
        }).schedule(sources);
        logger.info(
          `Tollgate finops backend ready with ${
            sources.length
          } cost source(s): ${sources.map(s => s.id).join(', ') || 'none'}`,
        );
      },
    });
  },
});
