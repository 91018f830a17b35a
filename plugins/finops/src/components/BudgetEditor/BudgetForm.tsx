import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Grid,
  Radio,
  RadioGroup,
  TextField,
} from '@material-ui/core';
import {
  BUDGET_ENFORCEMENTS,
  BUDGET_PERIODS,
  BudgetEnforcement,
  BudgetPeriod,
} from '@tollgate/plugin-finops-common';
import { BudgetField } from './fieldErrors';

/** What the editor's fields hold, as typed. */
export interface BudgetFormValues {
  amount: string;
  currency: string;
  period: BudgetPeriod;
  /** Comma-separated percentages, such as "50, 80, 100". */
  thresholds: string;
  enforcement: BudgetEnforcement;
}

const ENFORCEMENT_HELP: Record<BudgetEnforcement, string> = {
  advisory: 'alerts only; guardrails warn',
  hard: 'guardrails deny calls over the budget',
};

function Choice<T extends string>(props: {
  label: string;
  name: BudgetField;
  value: T;
  options: readonly T[];
  describe?: (option: T) => string;
  error?: string;
  disabled: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <FormControl error={!!props.error} disabled={props.disabled}>
      <FormLabel id={`budget-${props.name}-label`}>{props.label}</FormLabel>
      <RadioGroup
        row
        aria-labelledby={`budget-${props.name}-label`}
        name={props.name}
        value={props.value}
        onChange={e => props.onChange(e.target.value as T)}
      >
        {props.options.map(option => (
          <FormControlLabel
            key={option}
            value={option}
            control={<Radio size="small" />}
            label={
              props.describe ? `${option} (${props.describe(option)})` : option
            }
          />
        ))}
      </RadioGroup>
      {props.error && <FormHelperText>{props.error}</FormHelperText>}
    </FormControl>
  );
}

/** The fields of a budget, each with the error readBudgetInput found in it. */
export function BudgetForm(props: {
  values: BudgetFormValues;
  errors: Partial<Record<BudgetField, string>>;
  disabled: boolean;
  onChange: (values: BudgetFormValues) => void;
}) {
  const { values, errors, disabled } = props;
  const set = <K extends keyof BudgetFormValues>(
    key: K,
    value: BudgetFormValues[K],
  ) => props.onChange({ ...values, [key]: value });
  const text = (
    name: 'amount' | 'currency' | 'thresholds',
    label: string,
    extra: { placeholder?: string; help?: string } = {},
  ) => (
    <TextField
      label={label}
      fullWidth
      value={values[name]}
      placeholder={extra.placeholder}
      disabled={disabled}
      error={!!errors[name]}
      helperText={errors[name] ?? extra.help}
      id={`budget-${name}`}
      onChange={e => set(name, e.target.value)}
    />
  );
  return (
    <Grid container spacing={2}>
      <Grid item xs={8}>
        {text('amount', 'Amount', { placeholder: '2500.00' })}
      </Grid>
      <Grid item xs={4}>
        {text('currency', 'Currency')}
      </Grid>
      <Grid item xs={12}>
        <Choice
          label="Period"
          name="period"
          value={values.period}
          options={BUDGET_PERIODS}
          error={errors.period}
          disabled={disabled}
          onChange={v => set('period', v)}
        />
      </Grid>
      <Grid item xs={12}>
        {text('thresholds', 'Alert thresholds (%)', {
          help: 'Whole percentages in increasing order, such as 50, 80, 100',
        })}
      </Grid>
      <Grid item xs={12}>
        <Choice
          label="Enforcement"
          name="enforcement"
          value={values.enforcement}
          options={BUDGET_ENFORCEMENTS}
          describe={o => ENFORCEMENT_HELP[o]}
          error={errors.enforcement}
          disabled={disabled}
          onChange={v => set('enforcement', v)}
        />
      </Grid>
    </Grid>
  );
}
