import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography, useTheme } from '@material-ui/core';
import {
  ANNOTATION_OUTCOME_QUERY,
  ANNOTATION_OUTCOME_UNIT,
  DailyUnitCost,
  EntityUnitCostResponse,
  UnitCostComparison,
} from '@tollgate/plugin-finops-common';
import { Line } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../../api';
import { useAlarmStyles } from '../AlarmChip';
import { DailyChart } from '../DailyChart';
import { formatMoney, formatQuantity, lastDays } from '../format';

/** The change of a unit cost against the previous period; dearer is shown as bad. */
function UnitCostChange(props: {
  comparison: UnitCostComparison;
  currency: string;
  what: string;
}) {
  const alarm = useAlarmStyles();
  const { change, previousCost } = props.comparison;
  if (change === null || previousCost === null) {
    return (
      <Typography variant="body2">
        No {props.what} in the previous period to compare with
      </Typography>
    );
  }
  const percent = change * 100;
  return (
    <Typography
      variant="body2"
      className={percent > 0 ? alarm.text : undefined}
      color={percent > 0 ? undefined : 'primary'}
    >
      {percent > 0 ? '▲' : '▼'} {Math.abs(percent).toFixed(1)}% against the
      previous period ({formatMoney(previousCost, props.currency)})
    </Typography>
  );
}

/** Daily spend per outcome: one point per day with outcomes, gaps on days without. */
export function UnitCostChart(props: {
  daily: DailyUnitCost[];
  currency: string;
  height?: number;
}) {
  const theme = useTheme();
  const data = props.daily.map(d => ({
    day: d.day,
    costPerOutcome: d.costPerOutcome === null ? null : Number(d.costPerOutcome),
  }));
  return (
    <DailyChart
      type="line"
      label="Daily cost per outcome chart"
      data={data}
      height={props.height ?? 160}
      valueAxis={{ width: 80 }}
      format={value => formatMoney(String(value), props.currency)}
    >
      <Line
        type="monotone"
        dataKey="costPerOutcome"
        name="Cost per outcome"
        stroke={theme.palette.primary.main}
        dot={false}
        isAnimationActive={false}
      />
    </DailyChart>
  );
}

/** What to do when the entity counts no business outcome. */
function NoOutcomeQuery() {
  return (
    <Box data-testid="unit-cost-empty">
      <Typography variant="subtitle1">
        This entity counts no business outcome
      </Typography>
      <Typography variant="body2">
        Add to its catalog-info.yaml the annotation{' '}
        <code>
          {ANNOTATION_OUTCOME_QUERY}: sum(increase(tickets_triaged_total[1d]))
        </code>
        , a PromQL query counting what it delivers in a day, which the
        Prometheus source evaluates at the end of each day; name one outcome
        with <code>{ANNOTATION_OUTCOME_UNIT}: "triaged ticket"</code>. Spend is
        then divided by outcomes here and in the scorecards.
      </Typography>
    </Box>
  );
}

function Requests(props: { data: EntityUnitCostResponse }) {
  const { costPer1kRequests, currency } = props.data;
  if (costPer1kRequests.cost === null) {
    return (
      <Typography variant="body2">
        No served requests recorded in the period
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" data-testid="unit-cost-per-1k-requests">
        {formatMoney(costPer1kRequests.cost, currency)} per 1,000 requests (
        {formatQuantity(String(costPer1kRequests.units))} requests)
      </Typography>
      <UnitCostChange
        comparison={costPer1kRequests}
        currency={currency}
        what="requests"
      />
    </>
  );
}

function Outcomes(props: { data: EntityUnitCostResponse }) {
  const { data } = props;
  const { costPerOutcome, currency, outcome } = data;
  const unit = outcome?.unit ?? 'outcome';
  if (costPerOutcome.cost === null) {
    return (
      <Box data-testid="unit-cost-no-outcomes">
        <Typography variant="subtitle1">
          No outcomes recorded in the period
        </Typography>
        {outcome && (
          <Typography variant="body2">
            The Prometheus source evaluates <code>{outcome.query}</code> at the
            end of each complete day; outcomes appear after its next run.
          </Typography>
        )}
      </Box>
    );
  }
  return (
    <>
      <Typography variant="h4" data-testid="unit-cost-per-outcome">
        {formatMoney(costPerOutcome.cost, currency)}
      </Typography>
      <Typography variant="body2">
        per {unit}: {formatMoney(data.spend, currency)} for{' '}
        {formatQuantity(String(costPerOutcome.units))} outcomes from {data.from}{' '}
        to {data.to}
      </Typography>
      <UnitCostChange
        comparison={costPerOutcome}
        currency={currency}
        what="outcomes"
      />
      <UnitCostChart daily={data.daily} currency={currency} />
    </>
  );
}

/**
 * Spend per business outcome of an entity in the last `days` days, its change against
 * the days before and its daily trend, with spend per 1,000 requests; or how to
 * declare the outcome query.
 */
export function UnitCostCard(props: {
  entity: CompoundEntityRef;
  days: number;
}) {
  const api = useApi(finopsApiRef);
  const { kind, namespace, name } = props.entity;
  const { days } = props;
  const { value, loading, error } = useAsync(
    () => api.getEntityUnitCost({ kind, namespace, name }, lastDays(days)),
    [api, kind, namespace, name, days],
  );
  const noOutcomes =
    value &&
    value.outcome === null &&
    value.costPerOutcome.units === 0 &&
    value.costPerOutcome.previousUnits === 0;
  return (
    <InfoCard title="Cost per outcome">
      <Box data-testid="unit-cost-card">
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && !loading && (
          <>
            {noOutcomes ? <NoOutcomeQuery /> : <Outcomes data={value} />}
            <Box mt={2}>
              <Requests data={value} />
            </Box>
          </>
        )}
      </Box>
    </InfoCard>
  );
}
