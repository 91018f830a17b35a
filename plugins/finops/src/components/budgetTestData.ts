import {
  Budget,
  BudgetStatus,
  EntityBudgetResponse,
  FinopsAlert,
} from '@tollgate/plugin-finops-common';

export const budgetEntityRef = 'component:default/support-summarizer';

export const apiBudget: Budget = {
  id: 'b-1',
  scope: { entityRef: budgetEntityRef },
  amount: '1000.00',
  currency: 'USD',
  period: 'month',
  thresholds: [50, 80, 100],
  enforcement: 'hard',
  origin: 'api',
  updatedAt: '2026-11-20T10:00:00Z',
  updatedBy: 'user:default/jane',
};

export const annotationBudget: Budget = {
  id: `annotation:${budgetEntityRef}`,
  scope: { entityRef: budgetEntityRef },
  amount: '2500.00',
  currency: 'USD',
  period: 'month',
  thresholds: [50, 80, 100],
  enforcement: 'advisory',
  origin: 'annotation',
};

/** 850 of 1000 USD spent on Nov 28, forecast 1100, exhausted in 2 days. */
export const ownStatus: BudgetStatus = {
  budget: apiBudget,
  period: { from: '2026-11-01', to: '2026-11-30' },
  resetsAt: '2026-12-01T00:00:00Z',
  asOf: '2026-11-28',
  spent: '850.00',
  forecast: '1100.00',
  remaining: '150.00',
  utilization: 85,
  forecastUtilization: 110,
  thresholdsCrossed: [50, 80],
  forecastThresholdsCrossed: [50, 80, 100],
  daysUntilExhaustion: 2,
};

export const teamStatus: BudgetStatus = {
  budget: {
    id: 'b-team',
    scope: { team: 'customer-experience' },
    amount: '9000.00',
    currency: 'USD',
    period: 'quarter',
    thresholds: [50, 80, 100],
    enforcement: 'advisory',
    origin: 'api',
  },
  period: { from: '2026-10-01', to: '2026-12-31' },
  resetsAt: '2027-01-01T00:00:00Z',
  asOf: '2026-11-28',
  spent: '4500.00',
  forecast: '6100.00',
  remaining: '4500.00',
  utilization: 50,
  forecastUtilization: 67.8,
  thresholdsCrossed: [50],
  forecastThresholdsCrossed: [50],
  daysUntilExhaustion: null,
};

export const costCenterStatus: BudgetStatus = {
  ...teamStatus,
  budget: {
    ...teamStatus.budget,
    id: 'b-cc',
    scope: { costCenter: 'cc-4200' },
    amount: '20000.00',
    period: 'year',
  },
  period: { from: '2026-01-01', to: '2026-12-31' },
  spent: '17000.00',
  forecast: '18500.00',
  remaining: '3000.00',
  utilization: 85,
  forecastUtilization: 92.5,
  thresholdsCrossed: [50, 80],
  forecastThresholdsCrossed: [50, 80],
};

export const entityBudget: EntityBudgetResponse = {
  entityRef: budgetEntityRef,
  own: ownStatus,
  inherited: [teamStatus, costCenterStatus],
  overridden: [],
};

export const openAlert: FinopsAlert = {
  id: 'alert-1',
  kind: 'forecast',
  scope: { entityRef: budgetEntityRef },
  budgetId: 'b-1',
  periodStart: '2026-11-01',
  threshold: 100,
  title: 'Forecast reaches 110% of the monthly budget',
  description:
    'At the current pace the budget of $1,000.00 runs out on Nov 30.',
  createdAt: '2026-11-28T09:15:00Z',
};
