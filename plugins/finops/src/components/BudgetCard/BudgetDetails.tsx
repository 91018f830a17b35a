import { Box, Grid, Typography } from '@material-ui/core';
import { AlarmChip } from '../AlarmChip';
import Alert from '@material-ui/lab/Alert';
import {
  ANNOTATION_BUDGET,
  Budget,
  BudgetStatus,
  formatMicros,
  parseMicros,
} from '@tollgate/plugin-finops-common';
import { ReactNode } from 'react';
import { BudgetGauge } from '../BudgetGauge';
import { formatMoney, formatPercent, formatTimestamp } from '../format';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} sm={4}>
      <Typography variant="caption" color="textSecondary" display="block">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/** Whether a budget comes from the catalog annotation or the API, in words. */
export function describeOrigin(budget: Budget): string {
  if (budget.origin === 'annotation') {
    return `Declared in catalog-info.yaml with the annotation ${ANNOTATION_BUDGET}`;
  }
  const by = budget.updatedBy ? ` by ${budget.updatedBy}` : '';
  const at = budget.updatedAt ? ` on ${formatTimestamp(budget.updatedAt)}` : '';
  return `Set through the FinOps API${by}${at}`;
}

function exhaustion(days: number | null) {
  if (days === null) {
    return 'Lasts the period';
  }
  if (days <= 0) {
    return 'Exhausted';
  }
  return days === 1 ? 'In 1 day' : `In ${days} days`;
}

/** The status of an entity's own budget: the gauge, the figures and where it comes from. */
export function BudgetDetails(props: {
  status: BudgetStatus;
  overridden: Budget[];
}) {
  const { status, overridden } = props;
  const { budget } = status;
  const money = (amount: string) => formatMoney(amount, budget.currency);
  // The status floors what remains at zero; past the amount, say by how much.
  const overspent =
    (parseMicros(status.spent) ?? 0n) - (parseMicros(budget.amount) ?? 0n);
  return (
    <Box>
      <Typography variant="h5" data-testid="budget-spent">
        {money(status.spent)} of {money(budget.amount)}
      </Typography>
      <Typography variant="body2" gutterBottom>
        {formatPercent(status.utilization)} spent, {budget.currency} per{' '}
        {budget.period}, {status.period.from} to {status.period.to}
      </Typography>
      <BudgetGauge
        utilization={status.utilization}
        forecastUtilization={status.forecastUtilization}
        thresholds={budget.thresholds}
      />
      <Grid container spacing={2}>
        <Fact label="Forecast">
          <span data-testid="budget-forecast">
            {money(status.forecast)} (
            {formatPercent(status.forecastUtilization)})
          </span>
        </Fact>
        <Fact label={overspent > 0n ? 'Over by' : 'Remaining'}>
          <span data-testid="budget-remaining">
            {money(overspent > 0n ? formatMicros(overspent) : status.remaining)}
          </span>
        </Fact>
        <Fact label="Runs out">
          <span data-testid="budget-exhaustion">
            {exhaustion(status.daysUntilExhaustion)}
          </span>
        </Fact>
        <Fact label="Resets">{formatTimestamp(status.resetsAt)}</Fact>
        <Fact label="Alerts at">
          {budget.thresholds.map(t => `${t}%`).join(', ')}
        </Fact>
        <Fact label="Enforcement">
          <AlarmChip
            label={budget.enforcement}
            alarm={budget.enforcement === 'hard'}
            title={
              budget.enforcement === 'hard'
                ? 'Guardrails deny calls that would exceed the budget'
                : 'Guardrails warn but allow calls over the budget'
            }
          />
        </Fact>
      </Grid>
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        data-testid="budget-origin"
        style={{ marginTop: 8 }}
      >
        {describeOrigin(budget)}
      </Typography>
      {overridden.map(b => (
        <Alert key={b.id} severity="info" style={{ marginTop: 8 }}>
          The catalog annotation {ANNOTATION_BUDGET} wins over the budget set
          through the API ({formatMoney(b.amount, b.currency)} per {b.period}).
          Change the budget in catalog-info.yaml, or remove the annotation to
          let the API budget apply.
        </Alert>
      ))}
    </Box>
  );
}
