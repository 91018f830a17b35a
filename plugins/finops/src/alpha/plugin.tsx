import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import MoneyIcon from '@material-ui/icons/AttachMoney';
import { FinopsClient, finopsApiRef } from '../api';
import { isFinopsAvailable } from '../isFinopsAvailable';
import { rootRouteRef } from '../routes';

const finopsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: finopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new FinopsClient(deps),
    }),
});

const finopsPage = PageBlueprint.make({
  params: {
    path: '/finops',
    title: 'FinOps',
    icon: <MoneyIcon />,
    routeRef: rootRouteRef,
    // FinopsPage draws its own header, as it does in legacy apps
    noHeader: true,
    loader: () =>
      import('../components/FinopsPage').then(m => <m.FinopsPage />),
  },
});

const entityCostContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    filter: isFinopsAvailable,
    loader: () =>
      import('../components/EntityCostContent').then(m => (
        <m.EntityCostContent />
      )),
  },
});

const entityBudgetCard = EntityCardBlueprint.make({
  name: 'budget',
  params: {
    filter: isFinopsAvailable,
    loader: () =>
      import('../components/BudgetCard').then(m => <m.BudgetCard />),
  },
});

const entityScorecardCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    filter: isFinopsAvailable,
    loader: () =>
      import('../components/ScorecardCard').then(m => <m.ScorecardCard />),
  },
});

/**
 * The FinOps plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'finops',
  title: 'FinOps',
  icon: <MoneyIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    finopsApi,
    finopsPage,
    entityCostContent,
    entityBudgetCard,
    entityScorecardCard,
  ],
});
