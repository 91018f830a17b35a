import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { NO_AGENT_KEY } from '@tollgate/plugin-finops-common';
import { useEntityCost } from '../../hooks/useEntityCost';
import { formatMoney, formatQuantity, formatShare } from '../format';

/** Figures and their headings on one line, however narrow the table. */
const figure = { whiteSpace: 'nowrap' } as const;

/**
 * An entity's spend in the period by the agent that spent it: each agent's cost, its
 * share of the entity's spend and the sessions (conversations) it had, from every
 * source whose records name an agent (`gen_ai.agent.id` or `gen_ai.agent.name`), and
 * the spend that names none as one line.
 */
export function EntityAgentsCard(props: {
  entity: CompoundEntityRef;
  days: number;
}) {
  const { value, loading, error } = useEntityCost(
    props.entity,
    props.days,
    'agent',
  );
  const named = value?.breakdown.some(item => item.key !== NO_AGENT_KEY);
  return (
    <InfoCard
      title="Spend by agent"
      subheader={value ? `${value.from} to ${value.to}` : undefined}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !named && (
        <Typography variant="body2" data-testid="agents-empty">
          No spend in the period names an agent. Spend is split by agent when
          its source names one: usage reported with <code>agentId</code> and{' '}
          <code>sessionId</code> (<code>POST /api/finops/v1/usage</code>),
          OpenTelemetry GenAI token metrics labelled{' '}
          <code>gen_ai.agent.id</code> and <code>gen_ai.conversation.id</code>,
          or FOCUS rows whose Tags carry those keys.
        </Typography>
      )}
      {value && named && (
        <Table size="small" aria-label="Spend by agent">
          <TableHead>
            <TableRow>
              <TableCell>Agent</TableCell>
              <TableCell align="right" style={figure}>
                Sessions
              </TableCell>
              <TableCell align="right" style={figure}>
                Cost
              </TableCell>
              <TableCell align="right" style={figure}>
                Share
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.breakdown.map(item => (
              <TableRow key={item.key}>
                <TableCell>{item.key}</TableCell>
                <TableCell align="right" style={figure}>
                  {item.sessions ? formatQuantity(String(item.sessions)) : '–'}
                </TableCell>
                <TableCell align="right" style={figure}>
                  {formatMoney(item.cost, value.currency)}
                </TableCell>
                <TableCell align="right" style={figure}>
                  {formatShare(item.cost, value.total)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
