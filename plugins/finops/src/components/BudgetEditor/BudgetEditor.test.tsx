import { ResponseError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { Budget } from '@tollgate/plugin-finops-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { FinopsApi, finopsApiRef } from '../../api';
import {
  annotationBudget,
  apiBudget,
  budgetEntityRef,
} from '../budgetTestData';
import { BudgetEditor } from './BudgetEditor';

function render(
  api: Partial<FinopsApi>,
  options: { budget?: Budget; allowed?: boolean } = {},
) {
  const onSaved = jest.fn();
  const permissionApi = mockApis.permission({
    authorize:
      options.allowed === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  });
  const authorize = jest.spyOn(permissionApi, 'authorize');
  const rendered = renderInTestApp(
    <TestApiProvider
      apis={[
        [finopsApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      {/* usePermission caches answers; each test starts with an empty cache */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <BudgetEditor
          entityRef={budgetEntityRef}
          budget={options.budget}
          onClose={jest.fn()}
          onSaved={onSaved}
        />
      </SWRConfig>
    </TestApiProvider>,
  );
  return { rendered, onSaved, authorize };
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('BudgetEditor', () => {
  it('shows the errors of readBudgetInput beside each field and sends nothing', async () => {
    const createBudget = jest.fn();
    await render({ createBudget });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled(),
    );
    type('Amount', 'abc');
    type('Currency', 'usd');
    type('Alert thresholds (%)', '80, 50');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'amount "abc" is not a positive decimal such as "100.00" of at most 9000000000000 with at most 6 decimals',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'currency "usd" is not an ISO 4217 currency code such as "USD"',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^thresholds has invalid value "80, 50"/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Amount')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(createBudget).not.toHaveBeenCalled();
  });

  it('creates the entity budget with the validated values', async () => {
    const createBudget = jest.fn(async () => apiBudget);
    const { onSaved, authorize } = await render({ createBudget });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled(),
    );
    type('Amount', '2500');
    type('Alert thresholds (%)', '75, 100');
    fireEvent.click(screen.getByLabelText(/^hard/));
    fireEvent.click(screen.getByLabelText('quarter'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(createBudget).toHaveBeenCalledWith({
      scope: { entityRef: budgetEntityRef },
      amount: '2500.00',
      currency: 'USD',
      period: 'quarter',
      thresholds: [75, 100],
      enforcement: 'hard',
    });
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'finops.budget.update' }),
        resourceRef: budgetEntityRef,
      }),
    );
  });

  it('replaces the budget set through the API', async () => {
    const replaceBudget = jest.fn(async () => apiBudget);
    const { onSaved } = await render({ replaceBudget }, { budget: apiBudget });
    expect(await screen.findByLabelText('Amount')).toHaveValue('1000.00');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled(),
    );
    type('Amount', '1200.5');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(replaceBudget).toHaveBeenCalledWith('b-1', {
      scope: { entityRef: budgetEntityRef },
      amount: '1200.50',
      currency: 'USD',
      period: 'month',
      thresholds: [50, 80, 100],
      enforcement: 'hard',
    });
  });

  it('deletes the budget set through the API', async () => {
    const deleteBudget = jest.fn(async () => undefined);
    const { onSaved } = await render({ deleteBudget }, { budget: apiBudget });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Delete budget' }),
      ).toBeEnabled(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete budget' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(deleteBudget).toHaveBeenCalledWith('b-1');
  });

  it('shows the server message when the backend refuses', async () => {
    const createBudget = jest.fn(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'ConflictError',
              message:
                'The entity declares its budget in its catalog annotation',
            },
            request: { method: 'POST', url: '/v1/budgets' },
            response: { statusCode: 409 },
          }),
          { status: 409, headers: { 'Content-Type': 'application/json' } },
        ),
      );
    });
    await render({ createBudget });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled(),
    );
    type('Amount', '10');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'The entity declares its budget in its catalog annotation',
      ),
    ).toBeInTheDocument();
  });

  it('is read-only with the reason when the user may not change the budget', async () => {
    await render({}, { allowed: false });
    expect(
      await screen.findByText(/it needs the permission finops.budget.update/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Amount')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('is read-only with the reason when the catalog annotation declares the budget', async () => {
    await render({}, { budget: annotationBudget });
    expect(
      await screen.findByText(
        /declared in catalog-info.yaml with the annotation tollgate.dev\/budget; change it there/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Amount')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Delete budget' }),
    ).not.toBeInTheDocument();
  });
});
