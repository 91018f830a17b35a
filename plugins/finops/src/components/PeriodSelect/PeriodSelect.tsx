import { LabelledSelect } from '../LabelledSelect';

/** Periods a user can look at, in days. */
export const PERIODS = [7, 30, 90, 365];

const OPTIONS = PERIODS.map(days => ({
  value: days,
  label: `Last ${days} days`,
}));

/** @public */
export function PeriodSelect(props: {
  value: number;
  onChange: (days: number) => void;
}) {
  return (
    <LabelledSelect
      id="finops-period"
      label="Period"
      value={props.value}
      options={OPTIONS}
      onChange={props.onChange}
    />
  );
}
