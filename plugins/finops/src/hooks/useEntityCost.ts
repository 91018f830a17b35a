import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { CostGroupBy } from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../api';
import { lastDays } from '../components/format';

/** Loads an entity's cost for the last `days` days, split by a dimension. */
export function useEntityCost(
  entity: CompoundEntityRef,
  days: number,
  groupBy: CostGroupBy,
) {
  const api = useApi(finopsApiRef);
  const { kind, namespace, name } = entity;
  return useAsync(
    () =>
      api.getEntityCost(
        { kind, namespace, name },
        { ...lastDays(days), groupBy },
      ),
    [api, kind, namespace, name, days, groupBy],
  );
}
