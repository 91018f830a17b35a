import { Typography } from '@material-ui/core';
import { ANNOTATION_BUDGET } from '@tollgate/plugin-finops-common';

/** What to do when the entity has no budget of its own. */
export function NoBudget() {
  return (
    <>
      <Typography variant="subtitle1">
        This entity has no budget of its own
      </Typography>
      <Typography variant="body2" data-testid="budget-empty">
        Declare one in its catalog-info.yaml with the annotation{' '}
        <code>{ANNOTATION_BUDGET}: "2500 USD/month"</code> (periods: month,
        quarter, year; thresholds and enforcement in{' '}
        <code>{ANNOTATION_BUDGET}-thresholds</code> and{' '}
        <code>{ANNOTATION_BUDGET}-enforcement</code>), or set one here.
      </Typography>
    </>
  );
}
