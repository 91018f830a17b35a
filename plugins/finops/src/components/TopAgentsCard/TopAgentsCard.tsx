import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Grid, Typography } from '@material-ui/core';
import { MeteringSummaryState } from '../../hooks/useMeteringSummary';
import { AgentsTable, SessionsTable } from './SpendTables';

/**
 * The agents and the sessions (conversations) that spent most in the period, from
 * usage reported with an agent id and a session id.
 */
export function TopAgentsCard(props: { state: MeteringSummaryState }) {
  const { value, loading, error } = props.state;
  const empty =
    value && value.topAgents.length === 0 && value.topSessions.length === 0;
  return (
    <InfoCard
      title="Top agents and sessions"
      subheader={
        value ? `Metered spend, ${value.from} to ${value.to}` : undefined
      }
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {empty && (
        <Typography variant="body2" data-testid="top-agents-empty">
          No metered spend named an agent or a session in the period. Usage
          reported with <code>agentId</code> and <code>sessionId</code> (in{' '}
          <code>POST /api/finops/v1/usage</code>, or as options of{' '}
          <code>@tollgate/finops-guardrail-client</code>) is ranked here.
        </Typography>
      )}
      {value && !empty && (
        <Grid container spacing={2}>
          <Grid item xs={12} xl={6}>
            <AgentsTable items={value.topAgents} currency={value.currency} />
          </Grid>
          <Grid item xs={12} xl={6}>
            <SessionsTable
              items={value.topSessions}
              currency={value.currency}
            />
          </Grid>
        </Grid>
      )}
    </InfoCard>
  );
}
