import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { GovernanceReport, finopsApiRef } from '../../api';

type TeamRow = GovernanceReport['byTeam'][number];

/** The share of capabilities fully labelled, by team. */
export function GovernanceReportCard() {
  const api = useApi(finopsApiRef);
  const { value } = useAsync(() => api.getGovernanceFindings({}), [api]);
  const columns: TableColumn<TeamRow>[] = [
    { title: 'Team', field: 'team' },
    { title: 'Components', field: 'entities', align: 'right' },
    { title: 'Fully labelled', field: 'fullyLabelled', align: 'right' },
    {
      title: 'Share',
      align: 'right',
      render: row =>
        `${Math.round((row.fullyLabelled / (row.entities || 1)) * 100)}%`,
    },
  ];
  return (
    <Table
      title={`Cost labelling${
        value ? ` (${value.items.length} findings)` : ''
      }`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={value?.byTeam ?? []}
      isLoading={!value}
    />
  );
}
