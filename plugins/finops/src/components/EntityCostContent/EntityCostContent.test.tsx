import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { EntityCostResponse } from '@tollgate/plugin-finops-common';
import { FinopsApi, finopsApiRef } from '../../api';
import { EntityCostContent } from '../../plugin';
import {
  emptyEntityCost,
  entityCost,
  entityCostByAgent,
  entityUnitCost,
} from '../testData';
import { entityBudget, openAlert } from '../budgetTestData';
import { entityScorecard } from '../scorecardTestData';
import { entityMetering, noMetering } from '../meteringTestData';
import {
  triageByAgent,
  triageByModel,
  triageByTokenType,
} from '../CostBreakdownTable/outsideTestData';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'support-summarizer', namespace: 'default' },
  spec: {
    type: 'capability',
    owner: 'group:customer-experience',
    lifecycle: 'production',
  },
};

const governance: Partial<FinopsApi> = {
  getEntityUnitCost: async () => entityUnitCost,
  getEntityBudget: async () => entityBudget,
  getAlerts: async () => ({ items: [openAlert] }),
  getScorecard: async () => entityScorecard,
  getEntityMetering: async () => entityMetering,
  getGovernanceFindings: async () => ({
    items: [
      {
        ruleId: 'budget-required',
        level: 'advisory',
        entityRef: 'component:default/support-summarizer',
        annotation: 'tollgate.dev/budget',
        message: 'tollgate.dev/budget is missing',
        howToFix: 'Add tollgate.dev/budget such as "2500 USD/month"',
      },
    ],
    byTeam: [],
  }),
  getLabels: async () => ({
    entityRef: 'component:default/support-summarizer',
    labels: { 'tollgate.dev/cost-center': 'cc-1' },
    missing: [],
    kustomize: 'labels:\n  - pairs:\n      tollgate.dev/cost-center: "cc-1"',
    helm: 'podLabels:\n  tollgate.dev/cost-center: "cc-1"',
    openCost: [
      {
        label: 'tollgate.dev/cost-center',
        aggregate: 'label:tollgate.dev/cost-center',
        reportedAs: 'tollgate_dev_cost_center',
      },
    ],
    drift: {
      window: { from: '2026-11-22', to: '2026-11-28' },
      status: 'unknown',
      workloads: [],
      items: [],
    },
  }),
};

function render(api: Partial<FinopsApi>, shown = entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, { ...governance, ...api }]]}>
      <EntityProvider entity={shown}>
        <EntityCostContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityCostContent', () => {
  it('shows spend, change, breakdown with quantities, token types, agents and freshness', async () => {
    const getEntityCost = jest.fn(
      async (_entity: unknown, options: { groupBy: string }) =>
        options.groupBy === 'agent' ? entityCostByAgent : entityCost,
    );
    await render({ getEntityCost });
    expect(await screen.findByTestId('finops-total')).toHaveTextContent(
      '$30.50',
    );
    expect(
      screen.getByText(/22.0% against the previous period/),
    ).toBeInTheDocument();
    expect(screen.getAllByText('gpt-4o').length).toBeGreaterThan(0);
    expect(screen.getAllByText('8,900,000 tokens').length).toBeGreaterThan(0);
    expect(screen.getByText('Token types')).toBeInTheDocument();
    expect(screen.getByText('focus:ai-providers')).toBeInTheDocument();
    expect(screen.getByText(/OpenCost answered 500/)).toBeInTheDocument();
    expect(screen.getByText('stale')).toBeInTheDocument();
    expect(
      await screen.findByText('tollgate.dev/budget is missing'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/aggregate=label:tollgate.dev\/cost-center/),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('budget-spent')).toHaveTextContent(
      '$850.00 of $1,000.00',
    );
    expect(
      await screen.findByText('Forecast reaches 110% of the monthly budget'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('scorecard-score')).toHaveTextContent(
      '72.5 / 100',
    );
    expect(
      await screen.findByTestId('unit-cost-per-outcome'),
    ).toHaveTextContent('$0.50');
    expect(screen.getByText('Live metering')).toBeInTheDocument();
    expect(await screen.findByTestId('metering-total')).toHaveTextContent(
      '$12.34',
    );
    expect(screen.getByTestId('spend-rate-used')).toHaveTextContent(
      '$18.00 spent + $0.75 reserved in the trailing hour: 75%',
    );
    expect(getEntityCost).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'support-summarizer' },
      expect.objectContaining({ groupBy: 'model' }),
    );
    expect(getEntityCost).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ groupBy: 'tokenType' }),
    );
    const agents = await screen.findByRole('table', {
      name: 'Spend by agent',
    });
    expect(agents).toHaveTextContent('summarizer-agent');
    expect(agents).toHaveTextContent('$22.25');
  });

  it('says the spend is the effective cost where the backend does', async () => {
    await render({
      getEntityCost: async () => ({ ...entityCost, costBasis: 'effective' }),
    });
    expect(await screen.findByTestId('finops-cost-basis')).toHaveTextContent(
      'Effective cost: amortized after commitments and discounts',
    );
  });

  it('keeps spend outside the dimension apart: below the models, and as one line below the token types', async () => {
    const answers: Record<string, EntityCostResponse> = {
      model: triageByModel,
      tokenType: triageByTokenType,
      agent: triageByAgent,
    };
    await render({
      getEntityCost: async (_entity, options) => answers[options.groupBy!],
    });
    expect(await screen.findByText('Breakdown by model')).toBeInTheDocument();
    const byModel = screen
      .getByRole('cell', { name: 'gpt-4o-mini' })
      .closest('table')!;
    expect(
      within(byModel)
        .getAllByRole('row')
        .map(row => within(row).queryAllByRole('cell')[0]?.textContent)
        .filter(Boolean),
    ).toEqual([
      'claude-3-5-haiku-20241022',
      'gpt-4o-mini',
      'Other services',
      'Kubernetes',
      'API calls',
    ]);
    expect(screen.getByText('Token types')).toBeInTheDocument();
    const tokens = screen
      .getByRole('cell', { name: 'cache-read' })
      .closest('table')!;
    const lines = within(tokens)
      .getAllByRole('row')
      .map(row => within(row).queryAllByRole('cell')[0]?.textContent)
      .filter(Boolean);
    expect(lines).toEqual([
      'input',
      'output',
      'cache-read',
      'Not tokens: Other services $9.48, Kubernetes $0.76, API calls $0.015',
    ]);
  });

  it('says how to annotate when there is no spend, and how to report usage', async () => {
    await render({
      getEntityCost: async () => emptyEntityCost,
      getEntityMetering: async () => noMetering,
    });
    expect(
      await screen.findByText(
        'No spend recorded for this entity in the period',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Tollgate attributes spend through annotations/),
    ).toHaveTextContent('tollgate.dev/cost-center');
    expect(await screen.findByTestId('metering-empty')).toHaveTextContent(
      'POST /api/finops/v1/usage',
    );
  });

  it('shows the upstream pressure card on APIs only', async () => {
    const getEntityUpstream = jest.fn(async () => ({
      entityRef: 'api:default/openai-api',
      from: '2026-10-30',
      to: '2026-11-28',
      consumers: [],
      total: {
        entityRef: 'api:default/openai-api',
        calls: 0,
        throttled: 0,
        timeouts: 0,
        errors: 0,
        throttledShare: null,
      },
    }));
    await render(
      { getEntityCost: async () => emptyEntityCost, getEntityUpstream },
      {
        ...entity,
        kind: 'API',
        metadata: { name: 'openai-api', namespace: 'default' },
      },
    );
    expect(await screen.findByTestId('upstream-empty')).toBeInTheDocument();
    expect(screen.getByText('Upstream pressure')).toBeInTheDocument();
    expect(getEntityUpstream).toHaveBeenCalledWith(
      { kind: 'API', namespace: 'default', name: 'openai-api' },
      expect.anything(),
    );
  });

  it('shows no upstream pressure card on components', async () => {
    const getEntityUpstream = jest.fn();
    await render({ getEntityCost: async () => entityCost, getEntityUpstream });
    expect(await screen.findByTestId('finops-total')).toBeInTheDocument();
    expect(screen.queryByText('Upstream pressure')).not.toBeInTheDocument();
    expect(getEntityUpstream).not.toHaveBeenCalled();
  });

  it('shows the error when the backend refuses', async () => {
    await render({
      getEntityCost: async () => {
        throw new Error('permission finops.cost.read is required');
      },
    });
    expect(
      (await screen.findAllByText(/permission finops.cost.read is required/))
        .length,
    ).toBeGreaterThan(0);
  });
});
