import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { AgentSpend, SessionSpend } from '@tollgate/plugin-finops-common';
import { formatMoney, formatQuantity } from '../format';

/** Figures and their headings on one line, however narrow the table. */
const figure = { whiteSpace: 'nowrap' } as const;

function events(count: number) {
  return formatQuantity(String(count));
}

/** The agents by metered spend, with the entities they spent for. */
export function AgentsTable(props: { items: AgentSpend[]; currency: string }) {
  return (
    <>
      <Typography variant="subtitle2">Agents</Typography>
      {props.items.length === 0 ? (
        <Typography variant="body2">
          No usage reported with an agent id.
        </Typography>
      ) : (
        <Table size="small" aria-label="Top agents">
          <TableHead>
            <TableRow>
              <TableCell>Agent</TableCell>
              <TableCell align="right" style={figure}>
                Cost
              </TableCell>
              <TableCell align="right" style={figure}>
                Events
              </TableCell>
              <TableCell>Spent for</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.items.map(agent => (
              <TableRow key={agent.agentId}>
                <TableCell>{agent.agentId}</TableCell>
                <TableCell align="right" style={figure}>
                  {formatMoney(agent.cost, props.currency)}
                </TableCell>
                <TableCell align="right" style={figure}>
                  {events(agent.events)}
                </TableCell>
                <TableCell>
                  {agent.entityRefs.length > 0 ? (
                    <EntityRefLinks entityRefs={agent.entityRefs} />
                  ) : (
                    '–'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

/** The sessions (conversations) by metered spend, with their agent and entity. */
export function SessionsTable(props: {
  items: SessionSpend[];
  currency: string;
}) {
  return (
    <>
      <Typography variant="subtitle2">Sessions</Typography>
      {props.items.length === 0 ? (
        <Typography variant="body2">
          No usage reported with a session id.
        </Typography>
      ) : (
        <Table size="small" aria-label="Top sessions">
          <TableHead>
            <TableRow>
              <TableCell>Session</TableCell>
              <TableCell>Agent</TableCell>
              <TableCell>Entity</TableCell>
              <TableCell align="right" style={figure}>
                Cost
              </TableCell>
              <TableCell align="right" style={figure}>
                Events
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.items.map(session => (
              <TableRow key={session.sessionId}>
                <TableCell>{session.sessionId}</TableCell>
                <TableCell>{session.agentId ?? '–'}</TableCell>
                <TableCell>
                  {session.entityRef ? (
                    <EntityRefLink entityRef={session.entityRef} />
                  ) : (
                    '–'
                  )}
                </TableCell>
                <TableCell align="right" style={figure}>
                  {formatMoney(session.cost, props.currency)}
                </TableCell>
                <TableCell align="right" style={figure}>
                  {events(session.events)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
