import { CostQueryService } from '../../CostQueryService';
import { SourceStatusService } from '../../../sources/SourceStatusService';
import { CostStore } from '../CostStore';

/** The queries the REST routes answer from, on the store given, in USD and with no sources' status. */
export function costQueryService(store: CostStore): CostQueryService {
  return new CostQueryService(
    store,
    { list: async () => [] } as unknown as SourceStatusService,
    'USD',
  );
}
