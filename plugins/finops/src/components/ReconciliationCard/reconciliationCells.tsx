import { TableCell, Typography } from '@material-ui/core';
import {
  ReconciliationFigure,
  ReconciliationFigureName,
  ReconciliationFigures,
} from '@tollgate/plugin-finops-common';
import { useAlarmStyles } from '../AlarmChip';
import { formatMoney, formatPercent, formatQuantity } from '../format';

/** The figures in the order the table shows them, lowest authority first. */
export const FIGURE_COLUMNS: Array<[ReconciliationFigureName, string]> = [
  ['metered', 'Metered'],
  ['vendorUsage', 'Vendor usage'],
  ['vendorCost', 'Vendor cost'],
  ['invoice', 'Invoice'],
];

const FIGURE_NAMES = Object.fromEntries(FIGURE_COLUMNS) as Record<
  ReconciliationFigureName,
  string
>;

const nowrap = { whiteSpace: 'nowrap' } as const;

/** One figure: its money, and its tokens beneath. */
export function FigureCell(props: {
  figure?: ReconciliationFigure;
  currency: string;
  reference: boolean;
}) {
  const { figure, currency, reference } = props;
  if (!figure) {
    return (
      <TableCell align="right" style={nowrap}>
        –
      </TableCell>
    );
  }
  return (
    <TableCell align="right" style={nowrap}>
      <Typography
        variant="body2"
        style={reference ? { fontWeight: 'bold' } : undefined}
      >
        {figure.cost === undefined
          ? 'not priced'
          : formatMoney(figure.cost, currency)}
      </Typography>
      {figure.quantity !== undefined && (
        <Typography variant="caption" display="block">
          {formatQuantity(figure.quantity, 'tokens')}
        </Typography>
      )}
      {figure.unpricedQuantity !== undefined && (
        <Typography variant="caption" display="block">
          {formatQuantity(figure.unpricedQuantity, 'tokens')} without a price
        </Typography>
      )}
    </TableCell>
  );
}

function signed(text: string) {
  return text.startsWith('-') ? text : `+${text}`;
}

/** Each figure's drift against the reference; past the alert percent in the alarm colour. */
export function DriftCell(props: {
  figures: ReconciliationFigures;
  currency: string;
  alertPercent: number;
}) {
  const alarm = useAlarmStyles();
  const { figures, currency, alertPercent } = props;
  const drifts = FIGURE_COLUMNS.filter(([name]) => figures.drift[name]);
  if (!figures.reference || drifts.length === 0) {
    return <TableCell>–</TableCell>;
  }
  return (
    <TableCell>
      {drifts.map(([name, label]) => {
        const { amount, percent } = figures.drift[name]!;
        const past = percent !== null && Math.abs(percent) > alertPercent;
        return (
          <Typography
            key={name}
            variant="body2"
            style={nowrap}
            className={past ? alarm.text : undefined}
          >
            {label}{' '}
            {percent === null ? '' : `${signed(formatPercent(percent))} `}(
            {signed(formatMoney(amount, currency))})
          </Typography>
        );
      })}
      <Typography variant="caption" display="block">
        against {FIGURE_NAMES[figures.reference].toLocaleLowerCase('en-US')}
      </Typography>
    </TableCell>
  );
}
