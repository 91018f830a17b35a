import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Grid, Typography } from '@material-ui/core';
import { useState } from 'react';
import { finopsApiRef } from '../../api';
import { useMeteringSummary } from '../../hooks/useMeteringSummary';
import { useReconciliation } from '../../hooks/useReconciliation';
import { useSummary } from '../../hooks/useSummary';
import { useUnallocatedSpend } from '../../hooks/useUnallocatedSpend';
import { CostChart } from '../CostChart';
import { formatMoney, lastDays, percentChange } from '../format';
import { PeriodSelect } from '../PeriodSelect';
import { useAlarmStyles } from '../AlarmChip';
import { SummaryBreakdown } from './SummaryBreakdown';
import { TopMovers } from './TopMovers';
import { GovernanceReportCard } from './GovernanceReportCard';
import { BudgetsAtRiskCard } from '../BudgetsAtRiskCard';
import { ScorecardLeaderboardCard } from '../ScorecardLeaderboardCard';
import { GuardrailDenialsCard } from '../GuardrailDenialsCard';
import { TopAgentsCard } from '../TopAgentsCard';
import { ReconciliationCard } from '../ReconciliationCard';
import { UnallocatedSpendCard } from '../UnallocatedSpendCard';

function ExportButton(props: { days: number }) {
  const api = useApi(finopsApiRef);
  const [error, setError] = useState<Error>();
  const alarm = useAlarmStyles();
  const download = async () => {
    try {
      const window = lastDays(props.days);
      const blob = await api.exportFocus(window);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `tollgate-focus-${window.from}-${window.to}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <Button variant="outlined" color="primary" onClick={download}>
        Export FOCUS CSV
      </Button>
      {error && <Typography className={alarm.text}>{error.message}</Typography>}
    </>
  );
}

/**
 * The organization's FinOps page: spend by cost center and team, unallocated spend
 * and the vendor ids that would claim it, budgets at risk, the calls the guardrail denied, the agents and sessions that spent
 * most, the scorecard leaderboard, top movers, model mix, the reconciliation of
 * metered, vendor and invoiced figures, and the FOCUS export.
 *
 * @public
 */
export function FinopsPage() {
  const [days, setDays] = useState(30);
  const byCostCenter = useSummary(days, 'costCenter');
  const byTeam = useSummary(days, 'team');
  const byEntity = useSummary(days, 'entity');
  const byModel = useSummary(days, 'model');
  const metering = useMeteringSummary(days);
  const reconciliation = useReconciliation(days);
  const unallocated = useUnallocatedSpend(days);
  const error =
    byCostCenter.error ?? byTeam.error ?? byEntity.error ?? byModel.error;
  const summary = byCostCenter.value;
  return (
    <Page themeId="tool">
      <Header
        title="FinOps"
        subtitle="AI and API spend across the organization"
      />
      <Content>
        <ContentHeader title="Spend">
          <PeriodSelect value={days} onChange={setDays} />
          <ExportButton days={days} />
        </ContentHeader>
        {error && <ResponseErrorPanel error={error} />}
        {!error && !summary && <Progress />}
        {summary && (
          <Grid container spacing={3}>
            <Grid item xs={12} md={4}>
              <InfoCard title="Total spend">
                <Typography variant="h4" data-testid="finops-org-total">
                  {formatMoney(summary.total, summary.currency)}
                </Typography>
                <Typography variant="body2">
                  {summary.from} to {summary.to}
                  {percentChange(summary.total, summary.previousTotal) !==
                    undefined &&
                    `, ${percentChange(
                      summary.total,
                      summary.previousTotal,
                    )!.toFixed(1)}% against the previous period`}
                </Typography>
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={4}>
              <InfoCard title="Unallocated spend">
                <Typography variant="h4" data-testid="finops-unallocated">
                  {formatMoney(summary.unallocated, summary.currency)}
                </Typography>
                <Typography variant="body2">
                  Spend that maps to no catalog entity
                </Typography>
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <UnallocatedSpendCard state={unallocated} />
            </Grid>
            <Grid item xs={12}>
              <BudgetsAtRiskCard />
            </Grid>
            <Grid item xs={12}>
              <GuardrailDenialsCard state={metering} />
            </Grid>
            <Grid item xs={12}>
              <TopAgentsCard state={metering} />
            </Grid>
            <Grid item xs={12}>
              <ScorecardLeaderboardCard />
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Daily spend by cost center">
                <CostChart daily={summary.daily} currency={summary.currency} />
              </InfoCard>
            </Grid>
            <SummaryBreakdown
              title="By cost center"
              keyTitle="Cost center"
              summary={summary}
            />
            <SummaryBreakdown
              title="By team"
              keyTitle="Team"
              summary={byTeam.value}
            />
            <Grid item xs={12} md={6}>
              {byEntity.value && <TopMovers summary={byEntity.value} />}
            </Grid>
            <SummaryBreakdown
              title="Model mix"
              keyTitle="Model"
              summary={byModel.value}
            />
            <Grid item xs={12}>
              <ReconciliationCard state={reconciliation} />
            </Grid>
            <Grid item xs={12}>
              <GovernanceReportCard />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
