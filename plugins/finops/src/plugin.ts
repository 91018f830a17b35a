import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { FinopsClient, finopsApiRef } from './api';
import { rootRouteRef } from './routes';

/** The FinOps plugin for the legacy frontend system. @public */
export const finopsPlugin = createPlugin({
  id: 'finops',
  apis: [
    createApiFactory({
      api: finopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new FinopsClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The organization's FinOps page. @public */
export const FinopsPage: () => JSX.Element = finopsPlugin.provide(
  createRoutableExtension({
    name: 'FinopsPage',
    component: () => import('./components/FinopsPage').then(m => m.FinopsPage),
    mountPoint: rootRouteRef,
  }),
);

/** The Cost tab content of an entity page. @public */
export const EntityCostContent: () => JSX.Element = finopsPlugin.provide(
  createComponentExtension({
    name: 'EntityCostContent',
    component: {
      lazy: () =>
        import('./components/EntityCostContent').then(m => m.EntityCostContent),
    },
  }),
);

/** An entity's budget for the current period, with its editor. @public */
export const EntityBudgetCard: () => JSX.Element = finopsPlugin.provide(
  createComponentExtension({
    name: 'EntityBudgetCard',
    component: {
      lazy: () => import('./components/BudgetCard').then(m => m.BudgetCard),
    },
  }),
);

/** An entity's open budget and anomaly alerts. @public */
export const EntityBudgetAlerts: () => JSX.Element = finopsPlugin.provide(
  createComponentExtension({
    name: 'EntityBudgetAlerts',
    component: {
      lazy: () => import('./components/BudgetAlerts').then(m => m.BudgetAlerts),
    },
  }),
);

/** The organization's budgets whose spend or forecast is near their amount. @public */
export const BudgetsAtRiskCard: () => JSX.Element = finopsPlugin.provide(
  createComponentExtension({
    name: 'BudgetsAtRiskCard',
    component: {
      lazy: () =>
        import('./components/BudgetsAtRiskCard').then(m => m.BudgetsAtRiskCard),
    },
  }),
);

/** An entity's scorecards with their grades, pillars and checks to fix. @public */
export const EntityScorecardCard: () => JSX.Element = finopsPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardCard',
    component: {
      lazy: () =>
        import('./components/ScorecardCard').then(m => m.ScorecardCard),
    },
  }),
);

/** The teams or cost centers ranked by their scorecard score. @public */
export const ScorecardLeaderboardCard: () => JSX.Element = finopsPlugin.provide(
  createComponentExtension({
    name: 'ScorecardLeaderboardCard',
    component: {
      lazy: () =>
        import('./components/ScorecardLeaderboardCard').then(
          m => m.ScorecardLeaderboardCard,
        ),
    },
  }),
);
