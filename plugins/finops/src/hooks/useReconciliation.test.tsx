import { TestApiProvider } from '@backstage/test-utils';
import { renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { FinopsApi, finopsApiRef } from '../api';
import { lastDays } from '../components/format';
import { reconciliation } from '../components/reconciliationTestData';
import { useReconciliation } from './useReconciliation';

function wrapperWith(api: Partial<FinopsApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[finopsApiRef, api]]}>{children}</TestApiProvider>
  );
}

describe('useReconciliation', () => {
  it('loads the reconciliation of the last days, and again when they change', async () => {
    const getReconciliation = jest.fn(async () => reconciliation);
    const { result, rerender } = renderHook(
      ({ days }) => useReconciliation(days),
      {
        wrapper: wrapperWith({ getReconciliation }),
        initialProps: { days: 30 },
      },
    );
    await waitFor(() => expect(result.current.value).toBe(reconciliation));
    expect(getReconciliation).toHaveBeenCalledWith(lastDays(30));
    rerender({ days: 7 });
    await waitFor(() =>
      expect(getReconciliation).toHaveBeenLastCalledWith(lastDays(7)),
    );
  });

  it('reports the error of a refused read', async () => {
    const { result } = renderHook(() => useReconciliation(30), {
      wrapper: wrapperWith({
        getReconciliation: async () => {
          throw new Error('permission finops.summary.read is required');
        },
      }),
    });
    await waitFor(() =>
      expect(result.current.error?.message).toBe(
        'permission finops.summary.read is required',
      ),
    );
  });
});
