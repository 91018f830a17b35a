import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import {
  BudgetStatus,
  describeBudgetScope,
} from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../../api';
import { formatMoney, formatPercent } from '../format';
import { AT_RISK_UTILIZATION, budgetsAtRisk } from './atRisk';
import { AlarmChip } from '../AlarmChip';

function money(status: BudgetStatus, amount: string) {
  return formatMoney(amount, status.budget.currency);
}

const columns: TableColumn<BudgetStatus>[] = [
  { title: 'Scope', render: s => describeBudgetScope(s.budget.scope) },
  {
    title: 'Spent / amount',
    align: 'right',
    render: s =>
      `${money(s, s.spent)} / ${money(s, s.budget.amount)} per ${
        s.budget.period
      } (${formatPercent(s.utilization)})`,
  },
  {
    title: 'Forecast',
    align: 'right',
    render: s =>
      `${money(s, s.forecast)} (${formatPercent(s.forecastUtilization)})`,
  },
  {
    title: 'Days left',
    align: 'right',
    render: s =>
      s.daysUntilExhaustion === null
        ? 'lasts the period'
        : String(Math.max(0, s.daysUntilExhaustion)),
  },
  {
    title: 'Enforcement',
    render: s => (
      <AlarmChip
        label={s.budget.enforcement}
        alarm={s.budget.enforcement === 'hard'}
      />
    ),
  },
];

/**
 * The budgets whose spend or forecast reaches 80% or their top threshold, the
 * highest forecast first.
 *
 * @public
 */
export function BudgetsAtRiskCard() {
  const api = useApi(finopsApiRef);
  const { value, loading, error } = useAsync(() => api.getBudgets(), [api]);
  if (error) {
    return (
      <InfoCard title="Budgets at risk">
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  return (
    <Table
      title="Budgets at risk"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={value ? budgetsAtRisk(value.items) : []}
      isLoading={loading}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No budget is forecast to reach {AT_RISK_UTILIZATION}% or its top
          threshold this period.
        </Typography>
      }
    />
  );
}
