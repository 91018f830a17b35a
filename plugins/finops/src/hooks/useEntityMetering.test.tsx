import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { FinopsApi, finopsApiRef } from '../api';
import { entityMetering, noMetering } from '../components/meteringTestData';
import { useEntityMetering } from './useEntityMetering';

const ref = { kind: 'Component', namespace: 'default', name: 'store-locator' };

function wrapperWith(api: Partial<FinopsApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[finopsApiRef, api]]}>{children}</TestApiProvider>
  );
}

describe('useEntityMetering', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('loads the entity metering, then reads it again after each interval', async () => {
    jest.useFakeTimers();
    const getEntityMetering = jest
      .fn()
      .mockResolvedValueOnce(noMetering)
      .mockResolvedValue(entityMetering);
    const { result } = renderHook(() => useEntityMetering(ref, 10_000), {
      wrapper: wrapperWith({ getEntityMetering }),
    });
    expect(result.current.loading).toBe(true);
    await act(async () => {});
    expect(result.current).toEqual({ value: noMetering, loading: false });
    expect(getEntityMetering).toHaveBeenCalledWith(ref);

    await act(async () => {
      jest.advanceTimersByTime(9_999);
    });
    expect(getEntityMetering).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(getEntityMetering).toHaveBeenCalledTimes(2);
    expect(result.current).toEqual({ value: entityMetering, loading: false });
  });

  it('keeps the last answer when a refresh fails, and drops the error on the next answer', async () => {
    jest.useFakeTimers();
    const getEntityMetering = jest
      .fn()
      .mockResolvedValueOnce(noMetering)
      .mockRejectedValueOnce(new Error('backend unavailable'))
      .mockResolvedValue(entityMetering);
    const { result } = renderHook(() => useEntityMetering(ref, 1_000), {
      wrapper: wrapperWith({ getEntityMetering }),
    });
    await act(async () => {});
    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });
    expect(result.current.value).toBe(noMetering);
    expect(result.current.error?.message).toBe('backend unavailable');
    expect(result.current.loading).toBe(false);
    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });
    expect(result.current).toEqual({ value: entityMetering, loading: false });
  });

  it('reports a first failure as an error without a value', async () => {
    const { result } = renderHook(() => useEntityMetering(ref), {
      wrapper: wrapperWith({
        getEntityMetering: async () => {
          throw new Error('permission finops.cost.read is required');
        },
      }),
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value).toBeUndefined();
    expect(result.current.error?.message).toBe(
      'permission finops.cost.read is required',
    );
  });

  it('stops reading once unmounted', async () => {
    jest.useFakeTimers();
    const getEntityMetering = jest.fn(async () => entityMetering);
    const { unmount } = renderHook(() => useEntityMetering(ref, 1_000), {
      wrapper: wrapperWith({ getEntityMetering }),
    });
    await act(async () => {});
    unmount();
    await act(async () => {
      jest.advanceTimersByTime(5_000);
    });
    expect(getEntityMetering).toHaveBeenCalledTimes(1);
  });

  it('skips reads while the page is hidden', async () => {
    jest.useFakeTimers();
    const visibility = jest
      .spyOn(document, 'visibilityState', 'get')
      .mockReturnValue('visible');
    try {
      const getEntityMetering = jest.fn(async () => entityMetering);
      renderHook(() => useEntityMetering(ref, 1_000), {
        wrapper: wrapperWith({ getEntityMetering }),
      });
      await act(async () => {});
      visibility.mockReturnValue('hidden');
      await act(async () => {
        jest.advanceTimersByTime(3_000);
      });
      expect(getEntityMetering).toHaveBeenCalledTimes(1);
      visibility.mockReturnValue('visible');
      await act(async () => {
        jest.advanceTimersByTime(1_000);
      });
      expect(getEntityMetering).toHaveBeenCalledTimes(2);
    } finally {
      visibility.mockRestore();
    }
  });
});
