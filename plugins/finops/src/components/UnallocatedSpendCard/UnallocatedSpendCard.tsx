import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { UnallocatedSpendResponse } from '@tollgate/plugin-finops-common';
import { UnallocatedSpendState } from '../../hooks/useUnallocatedSpend';
import { formatMoney } from '../format';
import { VendorIdTable } from './VendorIdTable';

function NothingNamed() {
  return (
    <Typography variant="body2" data-testid="unallocated-unnamed">
      No unallocated spend carries a vendor id or an entity ref. Spend of the
      OpenAI, Anthropic and LiteLLM sources that no entity claims is listed here
      by project, workspace, team or API key, with the annotation that claims it
      (<code>tollgate.dev/openai-projects</code>,{' '}
      <code>tollgate.dev/anthropic-workspaces</code>,{' '}
      <code>tollgate.dev/litellm-teams</code>,{' '}
      <code>tollgate.dev/api-keys</code>).
    </Typography>
  );
}

function UnknownEntityTable(props: { value: UnallocatedSpendResponse }) {
  return (
    <Table size="small" aria-label="Unallocated spend of unknown entities">
      <TableHead>
        <TableRow>
          <TableCell>Entity not in the catalog</TableCell>
          <TableCell align="right">Spend</TableCell>
          <TableCell>How to claim</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.value.unknownEntities.map(row => (
          <TableRow key={row.entityRef}>
            <TableCell>
              <code>{row.entityRef}</code>
            </TableCell>
            <TableCell align="right">
              {formatMoney(row.cost, props.value.currency)}
            </TableCell>
            <TableCell>{row.howToClaim}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Spend that maps to no catalog entity, named by what would attribute it: the vendor
 * projects, workspaces, teams and API keys no single entity claims, with the
 * annotation to add (or the conflicting claims to resolve), and the entity refs
 * sources wrote that the catalog lacks.
 */
export function UnallocatedSpendCard(props: { state: UnallocatedSpendState }) {
  const { value, loading, error } = props.state;
  const named =
    value && (value.vendorIds.length > 0 || value.unknownEntities.length > 0);
  return (
    <InfoCard
      title="Unallocated spend by vendor id"
      subheader={value ? `${value.from} to ${value.to}` : undefined}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !named && <NothingNamed />}
      {value && value.vendorIds.length > 0 && (
        <VendorIdTable rows={value.vendorIds} currency={value.currency} />
      )}
      {value && value.unknownEntities.length > 0 && (
        <UnknownEntityTable value={value} />
      )}
      {value && (
        <Typography variant="body2" data-testid="unallocated-other">
          Of {formatMoney(value.total, value.currency)} unallocated,{' '}
          {formatMoney(value.other, value.currency)} carries neither a vendor id
          nor an entity ref.
        </Typography>
      )}
    </InfoCard>
  );
}
