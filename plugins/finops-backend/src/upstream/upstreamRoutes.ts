import { stringifyEntityRef } from '@backstage/catalog-model';
import { finopsCostReadPermission } from '@tollgate/plugin-finops-common';
import { CostStore } from '../costs/store/CostStore';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { readWindow } from '../http/readQueryParams';
import { readUpstreamPressure } from './readUpstreamPressure';

/** `GET /v1/entities/{kind}/{namespace}/{name}/upstream`: an API's upstream pressure. */
export function addUpstreamRoutes(
  router: FinopsRouter,
  services: { costStore: Pick<CostStore, 'usageMetrics'> },
  helpers: RouteHelpers,
) {
  router.get(
    '/v1/entities/:kind/:namespace/:name/upstream',
    async (req, res) => {
      const window = readWindow(req.query);
      const entity = await helpers.loadEntity(req);
      await helpers.authorize(
        req,
        finopsCostReadPermission,
        stringifyEntityRef(entity),
      );
      res.json(await readUpstreamPressure(services.costStore, entity, window));
    },
  );
}
