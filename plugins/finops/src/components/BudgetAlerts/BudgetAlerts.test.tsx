import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import { budgetEntityRef, openAlert } from '../budgetTestData';
import { BudgetAlerts } from './BudgetAlerts';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Support-Summarizer', namespace: 'default' },
  spec: { type: 'capability', owner: 'group:customer-experience' },
};

const anomaly = {
  ...openAlert,
  id: 'alert-2',
  kind: 'anomaly' as const,
  dimension: 'model:gpt-4o/output',
  title: 'Output tokens of gpt-4o are 4x their usual level',
  description: 'Spend on 2026-11-27 was $120.00 against a median of $30.00.',
  createdAt: '2026-11-27T23:50:00Z',
};

function render(api: Partial<FinopsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <BudgetAlerts />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('BudgetAlerts', () => {
  it('lists the open alerts of the entity with kind, title, description and creation', async () => {
    const getAlerts = jest.fn(async () => ({ items: [openAlert, anomaly] }));
    await render({ getAlerts });
    expect(
      await screen.findByText('Forecast reaches 110% of the monthly budget'),
    ).toBeInTheDocument();
    expect(screen.getByText('forecast')).toBeInTheDocument();
    expect(screen.getByText('anomaly')).toBeInTheDocument();
    expect(
      screen.getByText(/the budget of \$1,000.00 runs out on Nov 30/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Created 2026-11-28 09:15 UTC'),
    ).toBeInTheDocument();
    expect(getAlerts).toHaveBeenCalledWith({
      entityRef: budgetEntityRef,
      status: 'open',
    });
  });

  it('acknowledges an alert and reloads the list', async () => {
    const getAlerts = jest
      .fn()
      .mockResolvedValueOnce({ items: [openAlert, anomaly] })
      .mockResolvedValue({ items: [anomaly] });
    const acknowledgeAlert = jest.fn(async () => ({
      ...openAlert,
      acknowledgedAt: '2026-11-28T10:00:00Z',
    }));
    await render({ getAlerts, acknowledgeAlert });
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Acknowledge Forecast reaches 110% of the monthly budget',
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByText('Forecast reaches 110% of the monthly budget'),
      ).not.toBeInTheDocument(),
    );
    expect(acknowledgeAlert).toHaveBeenCalledWith('alert-1');
    expect(getAlerts).toHaveBeenCalledTimes(2);
    expect(
      screen.getByText('Output tokens of gpt-4o are 4x their usual level'),
    ).toBeInTheDocument();
  });

  it('labels a spend-rate alert in words', async () => {
    await render({
      getAlerts: async () => ({
        items: [
          {
            ...openAlert,
            id: 'alert-3',
            kind: 'spend-rate' as const,
            title: 'Spend rate passed 25.00 USD/hour',
            description:
              '27.40 USD metered and reserved in the last hour against 25.00 USD.',
          },
        ],
      }),
    });
    expect(
      await screen.findByText('Spend rate passed 25.00 USD/hour'),
    ).toBeInTheDocument();
    expect(screen.getByText('spend rate')).toBeInTheDocument();
    expect(screen.queryByText('spend-rate')).not.toBeInTheDocument();
  });

  it('says when there is nothing open', async () => {
    await render({ getAlerts: async () => ({ items: [] }) });
    expect(
      await screen.findByText('No open budget alerts.'),
    ).toBeInTheDocument();
  });
});
