import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Button } from '@material-ui/core';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { finopsApiRef } from '../../api';
import { BudgetEditor } from '../BudgetEditor';
import { BudgetDetails } from './BudgetDetails';
import { InheritedBudgets } from './InheritedBudgets';
import { NoBudget } from './NoBudget';

/**
 * The entity's budget for the current period: spend against the amount with its
 * thresholds, the forecast, when it runs out and resets, its enforcement and origin,
 * and the team and cost center budgets that also cover the entity.
 *
 * @public
 */
export function BudgetCard() {
  const { entity } = useEntity();
  const api = useApi(finopsApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const [editing, setEditing] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityBudget({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const own = value?.own;
  return (
    <InfoCard title="Budget">
      {loading && !value && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          {own ? (
            <BudgetDetails status={own} overridden={value.overridden} />
          ) : (
            <NoBudget />
          )}
          <Box mt={2}>
            <Button
              variant="outlined"
              color="primary"
              size="small"
              onClick={() => setEditing(true)}
            >
              {own ? 'Edit budget' : 'Set a budget'}
            </Button>
          </Box>
          <InheritedBudgets items={value.inherited} />
          {editing && (
            <BudgetEditor
              entityRef={value.entityRef}
              budget={own?.budget}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                retry();
              }}
            />
          )}
        </>
      )}
    </InfoCard>
  );
}
