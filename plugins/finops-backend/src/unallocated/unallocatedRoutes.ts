import { finopsSummaryReadPermission } from '@tollgate/plugin-finops-common';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { readWindow } from '../http/readQueryParams';
import { UnallocatedSpendService } from './UnallocatedSpendService';

/** The unallocated spend route: what maps to no entity, and how to claim it. */
export function addUnallocatedRoutes(
  router: FinopsRouter,
  options: { unallocated: UnallocatedSpendService },
  helpers: Pick<RouteHelpers, 'authorize'>,
) {
  router.get('/v1/unallocated', async (req, res) => {
    const window = readWindow(req.query);
    await helpers.authorize(req, finopsSummaryReadPermission);
    res.json(await options.unallocated.unallocated(window));
  });
}
