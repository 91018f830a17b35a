import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import {
  annotationBudget,
  apiBudget,
  budgetEntityRef,
  entityBudget,
  ownStatus,
} from '../budgetTestData';
import { BudgetCard } from './BudgetCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'support-summarizer', namespace: 'default' },
  spec: { type: 'capability', owner: 'group:customer-experience' },
};

function render(api: Partial<FinopsApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [finopsApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>
        <BudgetCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('BudgetCard', () => {
  it('shows the status of the entity budget with its figures and origin', async () => {
    const getEntityBudget = jest.fn(async () => entityBudget);
    await render({ getEntityBudget });
    expect(await screen.findByTestId('budget-spent')).toHaveTextContent(
      '$850.00 of $1,000.00',
    );
    expect(
      screen.getByText(/85% spent, USD per month, 2026-11-01 to 2026-11-30/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('budget-forecast')).toHaveTextContent(
      '$1,100.00 (110%)',
    );
    expect(screen.getByText('Remaining')).toBeInTheDocument();
    expect(screen.getByText('$150.00')).toBeInTheDocument();
    expect(screen.getByTestId('budget-exhaustion')).toHaveTextContent(
      'In 2 days',
    );
    expect(screen.getByText('2026-12-01 00:00 UTC')).toBeInTheDocument();
    expect(screen.getByText('50%, 80%, 100%')).toBeInTheDocument();
    expect(screen.getByText('hard')).toBeInTheDocument();
    expect(screen.getByTestId('budget-origin')).toHaveTextContent(
      'Set through the FinOps API by user:default/jane on 2026-11-20 10:00 UTC',
    );
    expect(
      screen.getByRole('meter', { name: '85% spent, 110% forecast' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'team customer-experience: $4,500.00 of $9,000.00 per quarter',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/cost center cc-4200: \$17,000.00 of \$20,000.00/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/wins over the budget/)).not.toBeInTheDocument();
    expect(getEntityBudget).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'support-summarizer',
    });
  });

  it('says by how much spend is over the budget', async () => {
    await render({
      getEntityBudget: async () => ({
        ...entityBudget,
        own: {
          ...ownStatus,
          spent: '1223.367458',
          remaining: '0.00',
          utilization: 122.3,
          thresholdsCrossed: [50, 80, 100],
          daysUntilExhaustion: 0,
        },
      }),
    });
    expect(await screen.findByText('Over by')).toBeInTheDocument();
    expect(screen.queryByText('Remaining')).not.toBeInTheDocument();
    expect(screen.getByTestId('budget-remaining')).toHaveTextContent('$223.37');
    expect(screen.getByTestId('budget-exhaustion')).toHaveTextContent(
      'Exhausted',
    );
  });

  it('says when the catalog annotation wins over a budget set through the API', async () => {
    await render({
      getEntityBudget: async () => ({
        entityRef: budgetEntityRef,
        own: { ...ownStatus, budget: annotationBudget },
        inherited: [],
        overridden: [apiBudget],
      }),
    });
    expect(await screen.findByTestId('budget-origin')).toHaveTextContent(
      'Declared in catalog-info.yaml with the annotation tollgate.dev/budget',
    );
    expect(
      screen.getByText(
        /tollgate.dev\/budget wins over the budget set through the API \(\$1,000.00 per month\)/,
      ),
    ).toBeInTheDocument();
  });

  it('explains the annotation and offers the editor when there is no budget', async () => {
    await render({
      getEntityBudget: async () => ({
        entityRef: budgetEntityRef,
        inherited: [],
        overridden: [],
      }),
    });
    expect(await screen.findByTestId('budget-empty')).toHaveTextContent(
      'tollgate.dev/budget: "2500 USD/month"',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Set a budget' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Amount')).toHaveValue('');
  });

  it('saves through the editor and reloads the status', async () => {
    const getEntityBudget = jest.fn(async () => entityBudget);
    const replaceBudget = jest.fn(async () => apiBudget);
    await render({ getEntityBudget, replaceBudget });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit budget' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Amount'), {
      target: { value: '1200' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(replaceBudget).toHaveBeenCalledWith(
      'b-1',
      expect.objectContaining({ amount: '1200.00' }),
    );
    expect(getEntityBudget).toHaveBeenCalledTimes(2);
  });
});
