import { Table, TableColumn } from '@backstage/core-components';
import { SummaryResponse } from '@tollgate/plugin-finops-common';
import { formatMoney } from '../format';

type Mover = SummaryResponse['groups'][number] & { delta: number };

/** The entities whose spend changed most against the previous period. */
export function topMovers(summary: SummaryResponse, count = 10): Mover[] {
  return summary.groups
    .map(g => ({ ...g, delta: Number(g.cost) - Number(g.previousCost) }))
    .filter(g => g.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, count);
}

export function TopMovers(props: { summary: SummaryResponse }) {
  const { currency } = props.summary;
  const columns: TableColumn<Mover>[] = [
    { title: 'Entity', field: 'key' },
    {
      title: 'Previous',
      align: 'right',
      render: m => formatMoney(m.previousCost, currency),
    },
    {
      title: 'Now',
      align: 'right',
      render: m => formatMoney(m.cost, currency),
    },
    {
      title: 'Change',
      align: 'right',
      render: m =>
        `${m.delta > 0 ? '+' : ''}${formatMoney(String(m.delta), currency)}`,
    },
  ];
  return (
    <Table
      title="Top movers"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={topMovers(props.summary)}
    />
  );
}
