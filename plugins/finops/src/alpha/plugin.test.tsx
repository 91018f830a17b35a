import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../api';
import { entityBudget } from '../components/budgetTestData';
import {
  emptyMeteringSummary,
  noMetering,
} from '../components/meteringTestData';
import { leaderboard, noScorecard } from '../components/scorecardTestData';
import { emptyReconciliation } from '../components/reconciliationTestData';
import { entityCost, noUnitCost, summary } from '../components/testData';
import { unnamedUnallocatedSpend } from '../components/unallocatedTestData';
import finopsPlugin from './plugin';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'support-summarizer', namespace: 'default' },
  spec: { type: 'capability', owner: 'group:customer-experience' },
};

const user: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'guest', namespace: 'default' },
  spec: {},
};

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('@tollgate/plugin-finops/alpha', () => {
  it('shows the FinOps page at /finops with the organization total', async () => {
    const api: Partial<FinopsApi> = {
      getSummary: async ({ groupBy }) => summary(groupBy),
      getGovernanceFindings: async () => ({ items: [], byTeam: [] }),
      getBudgets: async () => ({ items: [] }),
      getScorecardLeaderboard: async groupBy => leaderboard(groupBy),
      getMeteringSummary: async () => emptyMeteringSummary,
      getReconciliation: async () => emptyReconciliation,
      getUnallocatedSpend: async () => unnamedUnallocatedSpend,
    };
    renderTestApp({
      features: [finopsPlugin],
      apis: [[finopsApiRef, api], mockApis.permission()],
      initialRouteEntries: ['/finops'],
      mountedRoutes,
    });
    expect(
      await screen.findByTestId('finops-org-total', {}, { timeout: 10_000 }),
    ).toHaveTextContent('$1,500.00');
    // one header: the page's own, not the app's as well
    expect(
      screen.getAllByRole('heading', { level: 1, name: 'FinOps' }),
    ).toHaveLength(1);
    expect(screen.getByText('Budgets at risk')).toBeInTheDocument();
  });

  it('offers the Cost entity content on costed kinds only', () => {
    const tester = createExtensionTester(
      finopsPlugin.getExtension('entity-content:finops/cost'),
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Cost');
    expect(tester.get(coreExtensionData.routePath)).toBe('/cost');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(component)).toBe(true);
    expect(filter?.(user)).toBe(false);
  });

  it('renders the Cost entity content with the entity spend', async () => {
    const getEntityCost = jest.fn(async () => entityCost);
    const api: Partial<FinopsApi> = {
      getEntityCost,
      getEntityUnitCost: async () => noUnitCost,
      getEntityBudget: async () => entityBudget,
      getAlerts: async () => ({ items: [] }),
      getScorecard: async () => noScorecard,
      getEntityMetering: async () => noMetering,
      getGovernanceFindings: async () => ({ items: [], byTeam: [] }),
      getLabels: async () => {
        throw new Error('labels unavailable');
      },
    };
    const tester = createExtensionTester(
      finopsPlugin.getExtension('entity-content:finops/cost'),
    );
    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[finopsApiRef, api], mockApis.permission()], mountedRoutes },
    );
    expect(await screen.findByTestId('finops-total')).toHaveTextContent(
      '$30.50',
    );
    expect(await screen.findByTestId('budget-spent')).toHaveTextContent(
      '$850.00 of $1,000.00',
    );
    expect(getEntityCost).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'support-summarizer' },
      expect.objectContaining({ groupBy: 'model' }),
    );
  });

  it.each([
    'entity-card:finops/budget',
    'entity-card:finops/scorecard',
  ] as const)('shows %s on costed kinds only', id => {
    const tester = createExtensionTester(finopsPlugin.getExtension(id));
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(component)).toBe(true);
    expect(filter?.(user)).toBe(false);
  });

  it('renders the budget card with the entity budget', async () => {
    const tester = createExtensionTester(
      finopsPlugin.getExtension('entity-card:finops/budget'),
    );
    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [finopsApiRef, { getEntityBudget: async () => entityBudget }],
          mockApis.permission(),
        ],
      },
    );
    expect(await screen.findByTestId('budget-spent')).toHaveTextContent(
      '$850.00 of $1,000.00',
    );
  });
});
