import { KubernetesLabelDrift } from '@tollgate/plugin-finops-common';
import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * How the workloads OpenCost saw for an entity drift from its label plan: a table of
 * the labels each workload lacks or carries with another value, or why nothing can
 * be told.
 */
export function LabelDrift(props: { drift: KubernetesLabelDrift }) {
  const { window, status, workloads, items } = props.drift;
  const period = `${window.from} to ${window.to}`;
  return (
    <Box mt={2} data-testid="finops-label-drift" data-status={status}>
      <Typography variant="subtitle2">Drift from OpenCost</Typography>
      {status === 'unknown' && (
        <Typography variant="body2" color="textSecondary">
          No OpenCost data seen for this entity from {period}, so drift is
          unknown. It is known once OpenCost reports workloads that carry the
          labels above.
        </Typography>
      )}
      {status === 'in-sync' && (
        <Typography variant="body2">
          In sync: the {plural(workloads.length, 'workload')} OpenCost saw from{' '}
          {period} ({workloads.map(w => w.workload).join(', ')}) carry every
          label above.
        </Typography>
      )}
      {status === 'drifted' && (
        <>
          <Typography variant="body2">
            {plural(items.length, 'label')} missing or different on the{' '}
            {plural(workloads.length, 'workload')} OpenCost saw from {period}.
          </Typography>
          <Table size="small" aria-label="Label drift">
            <TableHead>
              <TableRow>
                <TableCell>Workload</TableCell>
                <TableCell>Label</TableCell>
                <TableCell>Expected</TableCell>
                <TableCell>Seen</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map(item => (
                <TableRow
                  key={`${item.cluster ?? ''}/${item.workload}/${item.label}`}
                >
                  <TableCell>
                    {item.cluster
                      ? `${item.cluster}: ${item.workload}`
                      : item.workload}
                  </TableCell>
                  <TableCell>{item.label}</TableCell>
                  <TableCell>{item.expected}</TableCell>
                  <TableCell>{item.seen ?? <em>missing</em>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
}
