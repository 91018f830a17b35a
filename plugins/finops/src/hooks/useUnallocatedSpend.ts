import { useApi } from '@backstage/core-plugin-api';
import { UnallocatedSpendResponse } from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../api';
import { lastDays } from '../components/format';

/** Unallocated spend as read, for the card that names it. */
export interface UnallocatedSpendState {
  value?: UnallocatedSpendResponse;
  loading: boolean;
  error?: Error;
}

/** Loads the unallocated spend of the last `days` days, by what would claim it. */
export function useUnallocatedSpend(days: number): UnallocatedSpendState {
  const api = useApi(finopsApiRef);
  return useAsync(() => api.getUnallocatedSpend(lastDays(days)), [api, days]);
}
