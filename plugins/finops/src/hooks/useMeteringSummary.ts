import { useApi } from '@backstage/core-plugin-api';
import { MeteringSummaryResponse } from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../api';
import { lastDays } from '../components/format';

/** The metering summary as read, for the cards that show it. */
export interface MeteringSummaryState {
  value?: MeteringSummaryResponse;
  loading: boolean;
  error?: Error;
}

/** Loads the guardrail denials and the top agents and sessions of the last `days` days. */
export function useMeteringSummary(days: number): MeteringSummaryState {
  const api = useApi(finopsApiRef);
  return useAsync(() => api.getMeteringSummary(lastDays(days)), [api, days]);
}
