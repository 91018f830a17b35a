import { FormControl, InputLabel, MenuItem, Select } from '@material-ui/core';

/** Periods a user can look at, in days. */
export const PERIODS = [7, 30, 90, 365];

/** @public */
export function PeriodSelect(props: {
  value: number;
  onChange: (days: number) => void;
}) {
  return (
    <FormControl variant="outlined" size="small">
      <InputLabel id="finops-period-label">Period</InputLabel>
      <Select
        labelId="finops-period-label"
        label="Period"
        value={props.value}
        onChange={e => props.onChange(Number(e.target.value))}
        inputProps={{ 'aria-label': 'Period' }}
      >
        {PERIODS.map(days => (
          <MenuItem key={days} value={days}>
            Last {days} days
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
