import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { BudgetStatus } from '@tollgate/plugin-finops-common';
import { FinopsApi, finopsApiRef } from '../../api';
import { costCenterStatus, ownStatus, teamStatus } from '../budgetTestData';
import { budgetsAtRisk, riskLevel } from './atRisk';
import { BudgetsAtRiskCard } from './BudgetsAtRiskCard';

function withThresholds(status: BudgetStatus, thresholds: number[]) {
  return { ...status, budget: { ...status.budget, thresholds } };
}

describe('budgetsAtRisk', () => {
  it('uses 80% or the top threshold at or below 100%, whichever is lower', () => {
    expect(riskLevel(ownStatus)).toBe(80);
    expect(riskLevel(withThresholds(ownStatus, [50, 60]))).toBe(60);
    expect(riskLevel(withThresholds(ownStatus, [90, 120]))).toBe(80);
    expect(riskLevel(withThresholds(ownStatus, [150]))).toBe(80);
  });

  it('keeps the budgets at risk, the highest forecast first', () => {
    const lowThreshold = withThresholds(teamStatus, [50, 60]);
    expect(
      budgetsAtRisk([teamStatus, costCenterStatus, ownStatus, lowThreshold]),
    ).toEqual([ownStatus, costCenterStatus, lowThreshold]);
  });
});

describe('BudgetsAtRiskCard', () => {
  it('lists the budgets at risk with scope, spend, forecast, days left and enforcement', async () => {
    const api: Partial<FinopsApi> = {
      getBudgets: async () => ({
        items: [teamStatus, costCenterStatus, ownStatus],
      }),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[finopsApiRef, api]]}>
        <BudgetsAtRiskCard />
      </TestApiProvider>,
    );
    const first = (
      await screen.findByText('component:default/support-summarizer')
    ).closest('tr')!;
    expect(first).toHaveTextContent('$850.00 / $1,000.00 per month (85%)');
    expect(first).toHaveTextContent('$1,100.00 (110%)');
    expect(within(first).getByText('2')).toBeInTheDocument();
    expect(within(first).getByText('hard')).toBeInTheDocument();
    const second = screen.getByText('cost center cc-4200').closest('tr')!;
    expect(second).toHaveTextContent('$18,500.00 (92.5%)');
    expect(second).toHaveTextContent('lasts the period');
    expect(
      screen.queryByText('team customer-experience'),
    ).not.toBeInTheDocument();
    const rows = screen.getAllByRole('row');
    expect(rows.indexOf(first)).toBeLessThan(rows.indexOf(second));
  });

  it('says when no budget is at risk', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [finopsApiRef, { getBudgets: async () => ({ items: [teamStatus] }) }],
        ]}
      >
        <BudgetsAtRiskCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/No budget is forecast to reach 80%/),
    ).toBeInTheDocument();
  });
});
