import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Grid, Typography } from '@material-ui/core';
import { COST_GROUP_BYS, CostGroupBy } from '@tollgate/plugin-finops-common';
import { useState } from 'react';
import { useEntityCost } from '../../hooks/useEntityCost';
import { CostBreakdownTable } from '../CostBreakdownTable';
import { CostChart } from '../CostChart';
import { formatMoney, percentChange } from '../format';
import { PeriodSelect } from '../PeriodSelect';
import { LabelledSelect } from '../LabelledSelect';
import { useAlarmStyles } from '../AlarmChip';
import { SourceFreshness } from '../SourceFreshness';
import { GovernancePanel } from '../GovernancePanel';
import { KubernetesLabelsPanel } from '../KubernetesLabelsPanel';
import { BudgetCard } from '../BudgetCard';
import { BudgetAlerts } from '../BudgetAlerts';
import { ScorecardCard } from '../ScorecardCard';
import { UnitCostCard } from '../UnitCostCard';
import { EntityAgentsCard } from '../EntityAgentsCard';
import { LiveMeteringCard } from '../LiveMeteringCard';
import { UpstreamPressureCard } from '../UpstreamPressureCard';

export const GROUP_BY_LABELS: Record<CostGroupBy, string> = {
  model: 'Model',
  tokenType: 'Token type',
  operation: 'API operation',
  resource: 'Kubernetes resource',
  provider: 'Provider',
  source: 'Source',
  agent: 'Agent',
  session: 'Session',
};

function Change(props: { total: string; previous: string }) {
  const alarm = useAlarmStyles();
  const change = percentChange(props.total, props.previous);
  if (change === undefined) {
    return (
      <Typography variant="body2">No spend in the previous period</Typography>
    );
  }
  return (
    <Typography
      variant="body2"
      className={change > 0 ? alarm.text : undefined}
      color={change > 0 ? undefined : 'primary'}
    >
      {change > 0 ? '▲' : '▼'} {Math.abs(change).toFixed(1)}% against the
      previous period
    </Typography>
  );
}

/**
 * The Cost tab of an entity page: spend for the period and its change, a daily chart
 * stacked by the chosen dimension, a breakdown table, the token-type split, spend per
 * business outcome and per 1,000 requests, spend by agent, for an API the calls its
 * consumers made to it (upstream pressure), the budget and its open alerts, usage
 * metered today as it happens with the open reservations and the spend-rate limit,
 * the scorecards, and how fresh each source's data is.
 *
 * @public
 */
export function EntityCostContent() {
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  const [days, setDays] = useState(30);
  const [groupBy, setGroupBy] = useState<CostGroupBy>('model');
  const cost = useEntityCost(ref, days, groupBy);
  const tokens = useEntityCost(ref, days, 'tokenType');

  if (cost.error) {
    return <ResponseErrorPanel error={cost.error} />;
  }
  const data = cost.value;
  const empty = data && data.daily.length === 0;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <PeriodSelect value={days} onChange={setDays} />
          <LabelledSelect
            id="finops-groupby"
            label="Split by"
            value={groupBy}
            options={COST_GROUP_BYS.map(g => ({
              value: g,
              label: GROUP_BY_LABELS[g],
            }))}
            onChange={setGroupBy}
          />
        </Box>
      </Grid>
      {!data && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {data && empty && (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No spend recorded for this entity in the period"
            description={`Tollgate attributes spend through annotations: add tollgate.dev/cost-center and tollgate.dev/team, backstage.io/kubernetes-id for OpenCost, tollgate.dev/prometheus-selector for Prometheus, or tag your FOCUS exports with this entity's ref (${data.entityRef}).`}
          />
        </Grid>
      )}
      {data && !empty && (
        <>
          <Grid item xs={12} md={4}>
            <InfoCard title="Spend">
              <Typography variant="h4" data-testid="finops-total">
                {formatMoney(data.total, data.currency)}
              </Typography>
              <Typography variant="body2">
                {data.from} to {data.to}
              </Typography>
              {data.costBasis === 'effective' && (
                <Typography variant="body2" data-testid="finops-cost-basis">
                  Effective cost: amortized after commitments and discounts
                </Typography>
              )}
              <Change total={data.total} previous={data.previousTotal} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={8}>
            <InfoCard
              title={`Daily spend by ${GROUP_BY_LABELS[
                groupBy
              ].toLocaleLowerCase('en-US')}`}
            >
              <CostChart
                daily={data.daily}
                currency={data.currency}
                breakdown={data.breakdown}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={7}>
            <CostBreakdownTable
              title={`Breakdown by ${GROUP_BY_LABELS[groupBy].toLocaleLowerCase(
                'en-US',
              )}`}
              keyTitle={GROUP_BY_LABELS[groupBy]}
              items={data.breakdown}
              total={data.total}
              currency={data.currency}
            />
          </Grid>
          <Grid item xs={12} md={5}>
            {tokens.value && (
              <CostBreakdownTable
                title="Token types"
                keyTitle="Token type"
                items={tokens.value.breakdown}
                total={tokens.value.total}
                currency={tokens.value.currency}
                outsideLine="Not tokens"
              />
            )}
          </Grid>
          <Grid item xs={12} md={6}>
            <UnitCostCard entity={ref} days={days} />
          </Grid>
          <Grid item xs={12} md={6}>
            <EntityAgentsCard entity={ref} days={days} />
          </Grid>
        </>
      )}
      {entity.kind.toLocaleLowerCase('en-US') === 'api' && (
        <Grid item xs={12}>
          <UpstreamPressureCard entity={ref} days={days} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <BudgetCard />
      </Grid>
      <Grid item xs={12} md={data && !empty ? 12 : 6}>
        <BudgetAlerts />
      </Grid>
      <Grid item xs={12}>
        <LiveMeteringCard entity={ref} />
      </Grid>
      <Grid item xs={12}>
        <ScorecardCard />
      </Grid>
      {data && (
        <Grid item xs={12} md={6}>
          <SourceFreshness sources={data.sources} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <GovernancePanel
          entityRef={data?.entityRef ?? stringifyEntityRef(ref)}
        />
      </Grid>
      <Grid item xs={12}>
        <KubernetesLabelsPanel entity={ref} />
      </Grid>
    </Grid>
  );
}
