import { Table, TableColumn } from '@backstage/core-components';
import { CostBreakdownItem } from '@tollgate/plugin-finops-common';
import { formatMoney, formatQuantity, formatShare } from '../format';

/** A table of cost by key with its quantity (tokens, calls, core-hours). @public */
export function CostBreakdownTable(props: {
  title: string;
  keyTitle: string;
  items: CostBreakdownItem[];
  total: string;
  currency: string;
}) {
  const columns: TableColumn<CostBreakdownItem>[] = [
    { title: props.keyTitle, field: 'key' },
    {
      title: 'Quantity',
      render: item =>
        item.quantity ? formatQuantity(item.quantity, item.unit) : '—',
    },
    {
      title: 'Cost',
      align: 'right',
      render: item => formatMoney(item.cost, props.currency),
    },
    {
      title: 'Share',
      align: 'right',
      render: item => formatShare(item.cost, props.total),
    },
  ];
  return (
    <Table
      title={props.title}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.items}
    />
  );
}
