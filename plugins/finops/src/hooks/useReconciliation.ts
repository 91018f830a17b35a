import { useApi } from '@backstage/core-plugin-api';
import { ReconciliationResponse } from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../api';
import { lastDays } from '../components/format';

/** The reconciliation as read, for the card that shows it. */
export interface ReconciliationState {
  value?: ReconciliationResponse;
  loading: boolean;
  error?: Error;
}

/** Loads the reconciliation of every provider over the last `days` days. */
export function useReconciliation(days: number): ReconciliationState {
  const api = useApi(finopsApiRef);
  return useAsync(() => api.getReconciliation(lastDays(days)), [api, days]);
}
