import {
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';
import {
  ReconciliationFigures,
  ReconciliationLine,
  TokenType,
} from '@tollgate/plugin-finops-common';
import { Fragment, useState } from 'react';
import { DriftCell, FIGURE_COLUMNS, FigureCell } from './reconciliationCells';

const TOKEN_TYPES: Record<TokenType, string> = {
  input: 'input',
  output: 'output',
  'cache-read': 'cache read',
  'cache-write': 'cache write',
};

function FigureCells(props: {
  figures: ReconciliationFigures;
  currency: string;
  alertPercent: number;
}) {
  const { figures, currency } = props;
  return (
    <>
      {FIGURE_COLUMNS.map(([name]) => (
        <FigureCell
          key={name}
          figure={figures[name]}
          currency={currency}
          reference={figures.reference === name}
        />
      ))}
      <DriftCell {...props} />
    </>
  );
}

/** One provider, model and token type over the period, its days beneath when opened. */
function LineRows(props: {
  line: ReconciliationLine;
  currency: string;
  alertPercent: number;
}) {
  const { line, ...figures } = props;
  const [open, setOpen] = useState(false);
  const name = `${line.provider} ${line.model} ${TOKEN_TYPES[line.tokenType]}`;
  return (
    <>
      <TableRow>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={`${open ? 'Hide' : 'Show'} the days of ${name}`}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
        <TableCell>{line.provider}</TableCell>
        <TableCell>{line.model}</TableCell>
        <TableCell>{TOKEN_TYPES[line.tokenType]}</TableCell>
        <FigureCells figures={line} {...figures} />
      </TableRow>
      {open &&
        line.days.map(day => (
          <TableRow key={day.day} data-testid="reconciliation-day">
            <TableCell />
            <TableCell colSpan={3} align="right">
              {day.day}
            </TableCell>
            <FigureCells figures={day} {...figures} />
          </TableRow>
        ))}
    </>
  );
}

/** Metered, vendor usage, vendor cost and invoice per provider, model and token type. */
export function ReconciliationTable(props: {
  lines: ReconciliationLine[];
  currency: string;
  alertPercent: number;
}) {
  const { lines, ...figures } = props;
  return (
    <Table
      size="small"
      aria-label="Reconciliation by provider, model and token type"
    >
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell>Provider</TableCell>
          <TableCell>Model</TableCell>
          <TableCell>Token type</TableCell>
          {FIGURE_COLUMNS.map(([name, label]) => (
            <TableCell key={name} align="right">
              {label}
            </TableCell>
          ))}
          <TableCell>Drift</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map(line => (
          <Fragment key={`${line.provider} ${line.model} ${line.tokenType}`}>
            <LineRows line={line} {...figures} />
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}
