import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { finopsPermissions } from '@tollgate/plugin-finops-common';
import {
  CostSource,
  ScorecardMetric,
  finopsCostSourcesExtensionPoint,
  finopsScorecardMetricsExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { registerFinopsActions } from './actions/registerFinopsActions';
import { buildFinopsContext } from './context/buildFinopsContext';
import { createRouter } from './http/createRouter';

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
      async init({ httpRouter, permissionsRegistry, ...deps }) {
        const context = await buildFinopsContext({
          ...deps,
          sources,
          scorecardMetrics,
        });
        permissionsRegistry.addPermissions(finopsPermissions);
        registerFinopsActions(deps.actionsRegistry, context.actions);
        httpRouter.use(await createRouter(context.router));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        await context.budgetSnapshotTask.schedule();
        await context.ingestionScheduler.schedule(sources);
        const ids = sources.map(s => s.id).join(', ') || 'none';
        deps.logger.info(
          `Tollgate finops backend ready with ${sources.length} cost source(s): ${ids}`,
        );
      },
    });
  },
});
