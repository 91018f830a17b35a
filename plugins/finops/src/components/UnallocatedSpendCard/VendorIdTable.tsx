import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  ANNOTATION_ANTHROPIC_WORKSPACES,
  ANNOTATION_API_KEYS,
  ANNOTATION_LITELLM_TEAMS,
  ANNOTATION_OPENAI_PROJECTS,
  UnallocatedVendorSpend,
} from '@tollgate/plugin-finops-common';
import { formatMoney } from '../format';

/** What the ids an annotation lists are, for a reader. */
const ID_KINDS: Record<string, string> = {
  [ANNOTATION_OPENAI_PROJECTS]: 'project',
  [ANNOTATION_ANTHROPIC_WORKSPACES]: 'workspace',
  [ANNOTATION_LITELLM_TEAMS]: 'team',
  [ANNOTATION_API_KEYS]: 'API key',
};

const VENDORS: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  litellm: 'LiteLLM',
};

const oneLine = { whiteSpace: 'nowrap' } as const;

function ClaimedBy(props: { refs: string[] }) {
  if (props.refs.length === 0) {
    return <Typography variant="body2">nobody</Typography>;
  }
  return (
    <>
      {props.refs.map(ref => (
        <div key={ref}>
          <EntityRefLink entityRef={ref} />
        </div>
      ))}
    </>
  );
}

function HowToClaim(props: { row: UnallocatedVendorSpend }) {
  const { row } = props;
  if (row.claimedBy.length > 0) {
    return <Typography variant="body2">{row.howToClaim}</Typography>;
  }
  return (
    <>
      <code>
        {row.annotation}: {row.id}
      </code>
      <Typography variant="body2" color="textSecondary">
        under metadata.annotations of the Component or System whose spend it is
      </Typography>
    </>
  );
}

/** Unallocated spend by vendor id, with who claims each and how to claim it. */
export function VendorIdTable(props: {
  rows: UnallocatedVendorSpend[];
  currency: string;
}) {
  return (
    <Table size="small" aria-label="Unallocated spend by vendor id">
      <TableHead>
        <TableRow>
          <TableCell>Vendor</TableCell>
          <TableCell>Id</TableCell>
          <TableCell align="right">Spend</TableCell>
          <TableCell>Claimed by</TableCell>
          <TableCell>How to claim</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={`${row.tag} ${row.id}`}>
            <TableCell style={oneLine}>
              {VENDORS[row.vendor] ?? row.vendor}
            </TableCell>
            <TableCell>
              {ID_KINDS[row.annotation] ?? row.tag} <code>{row.id}</code>
            </TableCell>
            <TableCell align="right">
              <span style={oneLine}>
                {formatMoney(row.cost, props.currency)}
              </span>
              {row.coveredCost && (
                <Typography variant="body2" color="textSecondary">
                  and {formatMoney(row.coveredCost, props.currency)} in the
                  unallocated spend of a higher-ranked source (such as an
                  invoice's untagged rows), counted there
                </Typography>
              )}
            </TableCell>
            <TableCell style={oneLine}>
              <ClaimedBy refs={row.claimedBy} />
            </TableCell>
            <TableCell>
              <HowToClaim row={row} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
