import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  finopsCostReadPermission,
  kubernetesLabelPlan,
} from '@tollgate/plugin-finops-common';
import { CostStore } from '../costs/store/CostStore';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { readLabelDrift } from './readLabelDrift';

/** `GET /v1/entities/{kind}/{namespace}/{name}/labels`: the Kubernetes label plan and its drift. */
export function addLabelRoutes(
  router: FinopsRouter,
  costStore: CostStore,
  helpers: RouteHelpers,
) {
  router.get('/v1/entities/:kind/:namespace/:name/labels', async (req, res) => {
    const entity = await helpers.loadEntity(req);
    const entityRef = stringifyEntityRef(entity);
    await helpers.authorize(req, finopsCostReadPermission, entityRef);
    const plan = kubernetesLabelPlan(entity, entityRef);
    res.json({ ...plan, drift: await readLabelDrift(costStore, plan) });
  });
}
