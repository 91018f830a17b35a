import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SummaryResponse } from '@tollgate/plugin-finops-common';
import { summary } from '../testData';
import { SummaryBreakdown, summaryBreakdownItems } from './SummaryBreakdown';

const byModel: SummaryResponse = {
  ...summary('model'),
  groups: [
    { key: 'gpt-4o-mini', cost: '1000.00', previousCost: '500.00' },
    { key: 'unused-model', cost: '0.00', previousCost: '3.00' },
    {
      key: '(Kubernetes)',
      cost: '500.00',
      previousCost: '500.00',
      outside: 'kubernetes',
    },
  ],
};

describe('summaryBreakdownItems', () => {
  it('keeps the groups that spent anything, and marks the spend outside the dimension', () => {
    expect(summaryBreakdownItems(byModel)).toEqual([
      { key: 'gpt-4o-mini', cost: '1000.00' },
      { key: '(Kubernetes)', cost: '500.00', outside: 'kubernetes' },
    ]);
  });
});

describe('SummaryBreakdown', () => {
  it("shows the summary's spend by group", async () => {
    await renderInTestApp(
      <SummaryBreakdown
        title="By team"
        keyTitle="Team"
        summary={summary('team')}
      />,
    );
    expect(screen.getByText('By team')).toBeInTheDocument();
    expect(screen.getByText('team-a')).toBeInTheDocument();
    expect(screen.getByText('$1,000.00')).toBeInTheDocument();
    expect(screen.getByText('team-b')).toBeInTheDocument();
  });

  it('keeps its cell empty until the summary is there', async () => {
    const { container } = await renderInTestApp(
      <SummaryBreakdown title="By team" keyTitle="Team" />,
    );
    expect(screen.queryByText('By team')).not.toBeInTheDocument();
    expect(container.querySelector('.MuiGrid-item')).toBeEmptyDOMElement();
  });
});
