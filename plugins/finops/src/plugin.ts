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

/** @public */
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
export const FinopsPage = finopsPlugin.provide(
  createRoutableExtension({
    name: 'FinopsPage',
    component: () => import('./components/FinopsPage').then(m => m.FinopsPage),
    mountPoint: rootRouteRef,
  }),
);

/** The Cost tab content of an entity page. @public */
export const EntityCostContent = finopsPlugin.provide(
  createComponentExtension({
    name: 'EntityCostContent',
    component: {
      lazy: () =>
        import('./components/EntityCostContent').then(m => m.EntityCostContent),
    },
  }),
);
