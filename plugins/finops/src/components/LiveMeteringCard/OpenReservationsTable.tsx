import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { OpenReservation } from '@tollgate/plugin-finops-common';
import { formatMoney, formatTimestamp } from '../format';

/** How many of the newest open reservations the card lists. */
export const RESERVATIONS_SHOWN = 10;

/** The newest reservations still holding budget. */
export function OpenReservationsTable(props: {
  open: OpenReservation[];
  count: number;
}) {
  const rows = props.open.slice(0, RESERVATIONS_SHOWN);
  return (
    <>
      <Typography variant="subtitle2">
        {props.count > rows.length
          ? `Newest ${rows.length} of ${props.count} open reservations`
          : 'Open reservations'}
      </Typography>
      <Table size="small" aria-label="Open reservations">
        <TableHead>
          <TableRow>
            <TableCell align="right">Amount</TableCell>
            <TableCell>Agent</TableCell>
            <TableCell>Session</TableCell>
            <TableCell>Expires at</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(r => (
            <TableRow key={r.id}>
              <TableCell align="right">
                {formatMoney(r.amount, r.currency)}
              </TableCell>
              <TableCell>{r.agentId ?? '–'}</TableCell>
              <TableCell>{r.sessionId ?? '–'}</TableCell>
              <TableCell>{formatTimestamp(r.expiresAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
