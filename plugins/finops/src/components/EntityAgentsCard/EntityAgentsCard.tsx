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
  useTheme,
} from '@material-ui/core';
import { useEntityCost } from '../../hooks/useEntityCost';
import {
  breakdownLabel,
  formatMoney,
  formatQuantity,
  formatShare,
  splitOutside,
} from '../format';

/** Figures and their headings on one line, however narrow the table. */
const figure = { whiteSpace: 'nowrap' } as const;

/**
 * An entity's spend in the period by the agent that spent it: each agent's cost, its
 * share of the entity's spend and the sessions (conversations) it had, from every
 * source whose records name an agent (`gen_ai.agent.id` or `gen_ai.agent.name`), then,
 * set apart, model tokens that name none and the rest by what it is (Kubernetes, API
 * calls, other services).
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
  const theme = useTheme();
  const { values, outside } = splitOutside(value?.breakdown ?? []);
  const named = values.length > 0;
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
            {[...values, ...outside].map((item, i) => {
              // spend that is no agent's is muted, set apart by a rule above it
              const cell = {
                ...(item.outside
                  ? { color: theme.palette.text.secondary }
                  : {}),
                ...(i === values.length
                  ? { borderTop: `2px solid ${theme.palette.divider}` }
                  : {}),
              };
              return (
                <TableRow key={item.key}>
                  <TableCell style={cell}>{breakdownLabel(item)}</TableCell>
                  <TableCell align="right" style={{ ...figure, ...cell }}>
                    {item.sessions
                      ? formatQuantity(String(item.sessions))
                      : '–'}
                  </TableCell>
                  <TableCell align="right" style={{ ...figure, ...cell }}>
                    {formatMoney(item.cost, value.currency)}
                  </TableCell>
                  <TableCell align="right" style={{ ...figure, ...cell }}>
                    {formatShare(item.cost, value.total)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
