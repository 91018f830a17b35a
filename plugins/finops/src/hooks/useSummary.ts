import { useApi } from '@backstage/core-plugin-api';
import { SummaryGroupBy } from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../api';
import { lastDays } from '../components/format';

/** Loads the organization summary for the last `days` days. */
export function useSummary(days: number, groupBy: SummaryGroupBy) {
  const api = useApi(finopsApiRef);
  return useAsync(
    () => api.getSummary({ ...lastDays(days), groupBy }),
    [api, days, groupBy],
  );
}
