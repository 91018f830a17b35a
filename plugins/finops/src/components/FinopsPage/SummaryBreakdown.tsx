import { Grid } from '@material-ui/core';
import {
  CostBreakdownItem,
  SummaryResponse,
} from '@tollgate/plugin-finops-common';
import { CostBreakdownTable } from '../CostBreakdownTable';

/** The groups of a summary that spent anything, as breakdown items. */
export function summaryBreakdownItems(
  summary: SummaryResponse,
): CostBreakdownItem[] {
  return summary.groups
    .filter(g => Number(g.cost) !== 0)
    .map(g => ({
      key: g.key,
      cost: g.cost,
      ...(g.outside ? { outside: g.outside } : {}),
    }));
}

/**
 * A summary's spend by group as a breakdown table, in a half-width cell of the
 * page's grid; the cell stays empty until the summary is there.
 */
export function SummaryBreakdown(props: {
  title: string;
  keyTitle: string;
  summary?: SummaryResponse;
}) {
  const { summary } = props;
  return (
    <Grid item xs={12} md={6}>
      {summary && (
        <CostBreakdownTable
          title={props.title}
          keyTitle={props.keyTitle}
          items={summaryBreakdownItems(summary)}
          total={summary.total}
          currency={summary.currency}
        />
      )}
    </Grid>
  );
}
