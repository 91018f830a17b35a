import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import { EntityCostContent } from '../../plugin';
import { emptyEntityCost, entityCost } from '../testData';

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

function render(api: Partial<FinopsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityCostContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityCostContent', () => {
  it('shows spend, change, breakdown with quantities, token types and freshness', async () => {
    const getEntityCost = jest.fn(async () => entityCost);
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
    expect(getEntityCost).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'support-summarizer' },
      expect.objectContaining({ groupBy: 'model' }),
    );
    expect(getEntityCost).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ groupBy: 'tokenType' }),
    );
  });

  it('says how to annotate when there is no spend', async () => {
    await render({ getEntityCost: async () => emptyEntityCost });
    expect(
      await screen.findByText(
        'No spend recorded for this entity in the period',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/tollgate.dev\/cost-center/)).toBeInTheDocument();
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
