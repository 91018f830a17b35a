import { TestApiProvider } from '@backstage/test-utils';
import { renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { FinopsApi, finopsApiRef } from '../api';
import { lastDays } from '../components/format';
import { unallocatedSpend } from '../components/unallocatedTestData';
import { useUnallocatedSpend } from './useUnallocatedSpend';

function wrapperWith(api: Partial<FinopsApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[finopsApiRef, api]]}>{children}</TestApiProvider>
  );
}

describe('useUnallocatedSpend', () => {
  it('loads the unallocated spend of the last days, and again when they change', async () => {
    const getUnallocatedSpend = jest.fn(async () => unallocatedSpend);
    const { result, rerender } = renderHook(
      ({ days }) => useUnallocatedSpend(days),
      {
        wrapper: wrapperWith({ getUnallocatedSpend }),
        initialProps: { days: 30 },
      },
    );
    await waitFor(() => expect(result.current.value).toBe(unallocatedSpend));
    expect(getUnallocatedSpend).toHaveBeenCalledWith(lastDays(30));
    rerender({ days: 7 });
    await waitFor(() =>
      expect(getUnallocatedSpend).toHaveBeenLastCalledWith(lastDays(7)),
    );
  });

  it('reports the error of a refused read', async () => {
    const { result } = renderHook(() => useUnallocatedSpend(30), {
      wrapper: wrapperWith({
        getUnallocatedSpend: async () => {
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
