import { TestApiProvider } from '@backstage/test-utils';
import { renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { FinopsApi, finopsApiRef } from '../api';
import { meteringSummary } from '../components/meteringTestData';
import { lastDays } from '../components/format';
import { useMeteringSummary } from './useMeteringSummary';

function wrapperWith(api: Partial<FinopsApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[finopsApiRef, api]]}>{children}</TestApiProvider>
  );
}

describe('useMeteringSummary', () => {
  it('loads the metering summary of the last days, today included', async () => {
    const getMeteringSummary = jest.fn(async () => meteringSummary);
    const { result } = renderHook(() => useMeteringSummary(30), {
      wrapper: wrapperWith({ getMeteringSummary }),
    });
    await waitFor(() => expect(result.current.value).toBe(meteringSummary));
    expect(getMeteringSummary).toHaveBeenCalledWith(lastDays(30));
  });

  it('reads again when the period changes', async () => {
    const getMeteringSummary = jest.fn(async () => meteringSummary);
    const { result, rerender } = renderHook(
      ({ days }) => useMeteringSummary(days),
      {
        wrapper: wrapperWith({ getMeteringSummary }),
        initialProps: { days: 30 },
      },
    );
    await waitFor(() => expect(result.current.loading).toBe(false));
    rerender({ days: 7 });
    await waitFor(() =>
      expect(getMeteringSummary).toHaveBeenLastCalledWith(lastDays(7)),
    );
  });

  it('reports the error of a refused read', async () => {
    const { result } = renderHook(() => useMeteringSummary(30), {
      wrapper: wrapperWith({
        getMeteringSummary: async () => {
          throw new Error('permission finops.cost.read is required');
        },
      }),
    });
    await waitFor(() =>
      expect(result.current.error?.message).toBe(
        'permission finops.cost.read is required',
      ),
    );
  });
});
