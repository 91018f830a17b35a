import { Table, TableColumn } from '@backstage/core-components';
import { useTheme } from '@material-ui/core';
import { CostBreakdownItem } from '@tollgate/plugin-finops-common';
import {
  breakdownLabel,
  formatMoney,
  formatQuantity,
  formatShare,
  splitOutside,
  sumMoney,
} from '../format';

/** A row of the table: a breakdown item and the name it shows. */
interface Row {
  label: string;
  cost: string;
  quantity?: string;
  unit?: string;
  /** Of spend outside the dimension's values: `first` starts their group. */
  outside?: 'first' | 'rest';
}

function rowsOf(
  items: CostBreakdownItem[],
  currency: string,
  outsideLine?: string,
): Row[] {
  const { values, outside } = splitOutside(items);
  const row = (item: CostBreakdownItem, label: string): Row => ({
    label,
    cost: item.cost,
    quantity: item.quantity,
    unit: item.unit,
  });
  const rows = values.map(item => row(item, item.key));
  if (outside.length === 0) {
    return rows;
  }
  if (outsideLine) {
    const parts = outside
      .map(
        item => `${breakdownLabel(item)} ${formatMoney(item.cost, currency)}`,
      )
      .join(', ');
    return [
      ...rows,
      {
        label: `${outsideLine}: ${parts}`,
        cost: sumMoney(outside.map(item => item.cost)),
        outside: 'first',
      },
    ];
  }
  return [
    ...rows,
    ...outside.map((item, i) => ({
      ...row(item, breakdownLabel(item)),
      outside: i === 0 ? ('first' as const) : ('rest' as const),
    })),
  ];
}

/**
 * A table of cost by key with its quantity (tokens, calls, core-hours): the
 * dimension's values first, then the spend outside them (`outside` in the answer),
 * muted, each kind on its row, or summed on one line named `outsideLine`, such as
 * "Not tokens: Kubernetes $12.00, API calls $3.00".
 *
 * @public
 */
export function CostBreakdownTable(props: {
  title: string;
  keyTitle: string;
  items: CostBreakdownItem[];
  total: string;
  currency: string;
  outsideLine?: string;
}) {
  const theme = useTheme();
  // spend outside the dimension is muted, its group set apart by a rule above it
  const cellStyle = (_: unknown, row: Row) => ({
    ...(row.outside ? { color: theme.palette.text.secondary } : {}),
    ...(row.outside === 'first'
      ? { borderTop: `2px solid ${theme.palette.divider}` }
      : {}),
  });
  const columns: TableColumn<Row>[] = [
    { title: props.keyTitle, field: 'label', cellStyle },
    {
      title: 'Quantity',
      cellStyle,
      render: row =>
        row.quantity ? formatQuantity(row.quantity, row.unit) : '—',
    },
    {
      title: 'Cost',
      align: 'right',
      cellStyle,
      render: row => formatMoney(row.cost, props.currency),
    },
    {
      title: 'Share',
      align: 'right',
      cellStyle,
      render: row => formatShare(row.cost, props.total),
    },
  ];
  return (
    <Table
      title={props.title}
      // the rows keep their order: values by spend, then what is outside them
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
      }}
      columns={columns}
      data={rowsOf(props.items, props.currency, props.outsideLine)}
    />
  );
}
