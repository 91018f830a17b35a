import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { MeteredSpend } from '@tollgate/plugin-finops-common';
import { formatMoney, formatPercent, formatQuantity } from '../format';

/** Today's metered spend split by model or by agent, the most spent first. */
export function MeteredSpendTable(props: {
  title: string;
  keyTitle: string;
  items: MeteredSpend[];
  total: string;
  currency: string;
}) {
  const total = Number(props.total);
  const rows = [...props.items].sort((a, b) => Number(b.cost) - Number(a.cost));
  return (
    <>
      <Typography variant="subtitle2">{props.title}</Typography>
      <Table size="small" aria-label={props.title}>
        <TableHead>
          <TableRow>
            <TableCell>{props.keyTitle}</TableCell>
            <TableCell align="right">Events</TableCell>
            <TableCell align="right">Cost</TableCell>
            <TableCell align="right">Share</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.key}>
              <TableCell>{row.key}</TableCell>
              <TableCell align="right">
                {formatQuantity(String(row.events))}
              </TableCell>
              <TableCell align="right">
                {formatMoney(row.cost, props.currency)}
              </TableCell>
              <TableCell align="right">
                {total > 0
                  ? formatPercent((Number(row.cost) / total) * 100)
                  : '–'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
