import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { MeteringSummaryState } from '../../hooks/useMeteringSummary';
import { formatQuantity, formatTimestamp } from '../format';

/** Names, figures and times on one line; the reason takes what is left. */
const oneLine = { whiteSpace: 'nowrap' } as const;

function NoDenials() {
  return (
    <Typography variant="body2" data-testid="denials-empty">
      No call was denied in the period. Reservations (
      <code>POST /api/finops/v1/guardrails/reservations</code>) and checks (
      <code>GET /api/finops/v1/guardrails/check</code>) that a hard budget, a
      session cap or a hard spend-rate limit refuses are counted here.
    </Typography>
  );
}

/**
 * The calls the guardrail denied in the period: how many, and per entity how many,
 * when last and why, the most denied first.
 */
export function GuardrailDenialsCard(props: { state: MeteringSummaryState }) {
  const { value, loading, error } = props.state;
  const denials = value?.denials;
  return (
    <InfoCard
      title="Guardrail denials"
      subheader={value ? `${value.from} to ${value.to}` : undefined}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {denials && denials.total === 0 && <NoDenials />}
      {denials && denials.total > 0 && (
        <>
          <Typography variant="h4" data-testid="denials-total">
            {formatQuantity(String(denials.total))}
          </Typography>
          <Typography variant="body2" gutterBottom>
            {denials.total === 1 ? 'call denied' : 'calls denied'} by the
            guardrail
          </Typography>
          <Table size="small" aria-label="Guardrail denials by entity">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell align="right" style={oneLine}>
                  Denied
                </TableCell>
                <TableCell style={oneLine}>Last denied at</TableCell>
                <TableCell>Last reason</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {denials.byEntity.map(row => (
                <TableRow key={row.entityRef}>
                  <TableCell style={oneLine}>
                    <EntityRefLink entityRef={row.entityRef} />
                  </TableCell>
                  <TableCell align="right" style={oneLine}>
                    {formatQuantity(String(row.count))}
                  </TableCell>
                  <TableCell style={oneLine}>
                    {formatTimestamp(row.lastAt)}
                  </TableCell>
                  <TableCell>{row.lastReason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </InfoCard>
  );
}
