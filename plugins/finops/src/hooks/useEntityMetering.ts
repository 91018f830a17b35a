import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityMeteringResponse } from '@tollgate/plugin-finops-common';
import { useEffect, useState } from 'react';
import { finopsApiRef } from '../api';

/** How often live metering is read again, in milliseconds. */
export const METERING_REFRESH_MS = 10_000;

/** Live metering as last read, and the error of the last read when it failed. */
export interface EntityMeteringState {
  value?: EntityMeteringResponse;
  error?: Error;
  /** True until the first answer or error. */
  loading: boolean;
}

/**
 * Loads an entity's live metering and reads it again `refreshMs` after each answer,
 * while the page is visible. A refresh keeps the figures shown until the next answer
 * replaces them; a failed refresh keeps them too and reports its error beside them.
 */
export function useEntityMetering(
  entity: CompoundEntityRef,
  refreshMs: number = METERING_REFRESH_MS,
): EntityMeteringState {
  const api = useApi(finopsApiRef);
  const { kind, namespace, name } = entity;
  const [state, setState] = useState<Omit<EntityMeteringState, 'loading'>>({});

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      if (document.visibilityState !== 'hidden') {
        try {
          const value = await api.getEntityMetering({ kind, namespace, name });
          if (!stopped) setState({ value });
        } catch (e) {
          const error = e instanceof Error ? e : new Error(String(e));
          if (!stopped) setState(previous => ({ ...previous, error }));
        }
      }
      if (!stopped) timer = setTimeout(load, refreshMs);
    };
    setState({});
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, kind, namespace, name, refreshMs]);

  return { ...state, loading: !state.value && !state.error };
}
