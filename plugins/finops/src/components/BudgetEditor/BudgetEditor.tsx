import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import {
  ANNOTATION_BUDGET,
  Budget,
  DEFAULT_BUDGET_THRESHOLDS,
  finopsBudgetUpdatePermission,
  formatMicros,
  readBudgetInput,
} from '@tollgate/plugin-finops-common';
import { useState } from 'react';
import { BudgetRequest, finopsApiRef } from '../../api';
import { errorMessage } from '../errorMessage';
import { BudgetForm, BudgetFormValues } from './BudgetForm';
import { BudgetField, fieldErrors } from './fieldErrors';

function initialValues(budget?: Budget): BudgetFormValues {
  return {
    amount: budget?.amount ?? '',
    currency: budget?.currency ?? 'USD',
    period: budget?.period ?? 'month',
    thresholds: (budget?.thresholds ?? DEFAULT_BUDGET_THRESHOLDS).join(', '),
    enforcement: budget?.enforcement ?? 'advisory',
  };
}

/**
 * Creates, replaces or deletes an entity's budget made through the API. Each field is
 * checked with readBudgetInput, the same validation the backend runs. The dialog is
 * read-only when the user may not change the entity's budget, and when the budget is
 * declared by the catalog annotation.
 *
 * @public
 */
export function BudgetEditor(props: {
  entityRef: string;
  /** The entity's budget in force, if any. */
  budget?: Budget;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { entityRef, budget } = props;
  const api = useApi(finopsApiRef);
  const permission = usePermission({
    permission: finopsBudgetUpdatePermission,
    resourceRef: entityRef,
  });
  const [values, setValues] = useState(() => initialValues(budget));
  const [errors, setErrors] = useState<Partial<Record<BudgetField, string>>>(
    {},
  );
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const apiBudget = budget?.origin === 'api' ? budget : undefined;
  let reason: string | undefined;
  if (budget?.origin === 'annotation') {
    reason = `This budget is declared in catalog-info.yaml with the annotation ${ANNOTATION_BUDGET}; change it there.`;
  } else if (!permission.loading && !permission.allowed) {
    reason = `You are not allowed to change the budget of ${entityRef}: it needs the permission ${finopsBudgetUpdatePermission.name}.`;
  }
  const disabled = busy || permission.loading || reason !== undefined;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      props.onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
      setBusy(false);
    }
  };

  const save = () => {
    const result = readBudgetInput({
      scope: { entityRef },
      amount: values.amount.trim(),
      currency: values.currency.trim(),
      period: values.period,
      thresholds: values.thresholds,
      enforcement: values.enforcement,
    });
    if (!result.ok) {
      const sorted = fieldErrors(result.errors);
      setErrors(sorted.fields);
      setProblem(sorted.other.length ? sorted.other.join('; ') : undefined);
      return;
    }
    setErrors({});
    const request: BudgetRequest = {
      scope: result.value.scope,
      amount: formatMicros(result.value.amountMicros),
      currency: result.value.currency,
      period: result.value.period,
      thresholds: result.value.thresholds,
      enforcement: result.value.enforcement,
    };
    run(() =>
      apiBudget
        ? api.replaceBudget(apiBudget.id, request)
        : api.createBudget(request),
    );
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{apiBudget ? 'Edit budget' : 'Set a budget'}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Budget of {entityRef}
        </Typography>
        {reason && (
          <Alert severity="info" style={{ marginBottom: 16 }}>
            {reason}
          </Alert>
        )}
        <BudgetForm
          values={values}
          errors={errors}
          disabled={disabled}
          onChange={setValues}
        />
        {problem && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {apiBudget && (
          <Button
            color="secondary"
            disabled={disabled}
            onClick={() => run(() => api.deleteBudget(apiBudget.id))}
          >
            Delete budget
          </Button>
        )}
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={disabled}
          onClick={save}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
