import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import {
  BudgetStatus,
  describeBudgetScope,
} from '@tollgate/plugin-finops-common';
import { BudgetGauge } from '../BudgetGauge';
import { formatMoney, formatPercent } from '../format';

/** The team and cost center budgets that also cover the entity's spend, one line each. */
export function InheritedBudgets(props: { items: BudgetStatus[] }) {
  if (props.items.length === 0) {
    return null;
  }
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Also covered by
      </Typography>
      <List dense disablePadding>
        {props.items.map(status => {
          const { budget } = status;
          const money = (amount: string) =>
            formatMoney(amount, budget.currency);
          return (
            <ListItem key={budget.id} disableGutters>
              <ListItemText
                primary={`${describeBudgetScope(budget.scope)}: ${money(
                  status.spent,
                )} of ${money(budget.amount)} per ${budget.period}`}
                secondary={
                  <>
                    {formatPercent(status.utilization)} spent, forecast{' '}
                    {formatPercent(status.forecastUtilization)},{' '}
                    {budget.enforcement}
                    <BudgetGauge
                      compact
                      utilization={status.utilization}
                      forecastUtilization={status.forecastUtilization}
                      thresholds={budget.thresholds}
                    />
                  </>
                }
                secondaryTypographyProps={{ component: 'div' }}
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
}
