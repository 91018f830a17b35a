import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { UpstreamConsumerCalls } from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../../api';
import { useAlarmStyles } from '../AlarmChip';
import { formatPercent, formatQuantity, lastDays } from '../format';

/** Figures and their headings on one line, however narrow the table. */
const figure = { whiteSpace: 'nowrap' } as const;

/** A throttled share from 5% on is shown as an alarm. */
const ALARM_SHARE = 0.05;

function Figures(props: { row: UpstreamConsumerCalls }) {
  const alarm = useAlarmStyles();
  const { row } = props;
  const share = row.throttledShare;
  return (
    <>
      <TableCell align="right" style={figure}>
        {formatQuantity(String(row.calls))}
      </TableCell>
      <TableCell
        align="right"
        style={figure}
        className={
          share !== null && share >= ALARM_SHARE ? alarm.text : undefined
        }
      >
        {share === null
          ? '–'
          : `${formatPercent(share * 100)} (${formatQuantity(
              String(row.throttled),
            )})`}
      </TableCell>
      <TableCell align="right" style={figure}>
        {formatQuantity(String(row.timeouts))}
      </TableCell>
      <TableCell align="right" style={figure}>
        {formatQuantity(String(row.errors))}
      </TableCell>
    </>
  );
}

/**
 * Upstream pressure on an API entity in the last `days` days: for each component
 * consuming it, the calls it made to the API, the share answered 429 or 503, and
 * the timeouts and other failures; or where these figures come from.
 */
export function UpstreamPressureCard(props: {
  entity: CompoundEntityRef;
  days: number;
}) {
  const api = useApi(finopsApiRef);
  const { kind, namespace, name } = props.entity;
  const { days } = props;
  const { value, loading, error } = useAsync(
    () => api.getEntityUpstream({ kind, namespace, name }, lastDays(days)),
    [api, kind, namespace, name, days],
  );
  const called = value && value.total.calls > 0;
  return (
    <InfoCard
      title="Upstream pressure"
      subheader={value ? `${value.from} to ${value.to}` : undefined}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !called && (
        <Typography variant="body2" data-testid="upstream-empty">
          {value.consumers.length === 0
            ? 'No component consumes this API in the catalog. '
            : 'No calls to this API recorded in the period. '}
          Calls come from the OpenTelemetry HTTP client metrics of the
          components that consume this API (<code>consumesApis</code>), which
          the Prometheus source reads for components with a{' '}
          <code>tollgate.dev/prometheus-selector</code> and matches to this API
          by the servers of its definition.
        </Typography>
      )}
      {value && called && (
        <Table size="small" aria-label="Calls by consumer">
          <TableHead>
            <TableRow>
              <TableCell>Consumer</TableCell>
              <TableCell align="right" style={figure}>
                Calls
              </TableCell>
              <TableCell align="right" style={figure}>
                Throttled (429, 503)
              </TableCell>
              <TableCell align="right" style={figure}>
                Timeouts
              </TableCell>
              <TableCell align="right" style={figure}>
                Errors
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.consumers.map(row => (
              <TableRow key={row.entityRef}>
                <TableCell>
                  <EntityRefLink entityRef={row.entityRef} />
                </TableCell>
                <Figures row={row} />
              </TableRow>
            ))}
            <TableRow>
              <TableCell>
                <strong>Total</strong>
              </TableCell>
              <Figures row={value.total} />
            </TableRow>
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
