import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  COST_GROUP_BYS,
  SUMMARY_GROUP_BYS,
  finopsCostReadPermission,
  finopsSummaryReadPermission,
} from '@tollgate/plugin-finops-common';
import { rollupRefs } from '../entities/rollupRefs';
import { readChoice, readWindow } from '../http/readQueryParams';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { CostQueryService } from './CostQueryService';
import { CostStore } from './store/CostStore';
import { UnitCostService } from './UnitCostService';
import { writeFocusCsv } from './writeFocusCsv';

/** The cost routes: an entity's cost and unit cost, the summary and the FOCUS export. */
export function addCostRoutes(
  router: FinopsRouter,
  services: {
    costStore: Pick<CostStore, 'exportRows'>;
    costQueries: CostQueryService;
    unitCosts: UnitCostService;
  },
  helpers: RouteHelpers,
) {
  const { authorize, loadEntity } = helpers;

  router.get('/v1/entities/:kind/:namespace/:name/cost', async (req, res) => {
    const window = readWindow(req.query);
    const groupBy = readChoice(req.query, 'groupBy', COST_GROUP_BYS, 'model');
    const entity = await loadEntity(req);
    const entityRef = stringifyEntityRef(entity);
    await authorize(req, finopsCostReadPermission, entityRef);
    res.json(
      await services.costQueries.entityCost({
        entityRef,
        entityRefs: rollupRefs(entity),
        window,
        groupBy,
      }),
    );
  });

  router.get(
    '/v1/entities/:kind/:namespace/:name/unit-cost',
    async (req, res) => {
      const window = readWindow(req.query);
      const entity = await loadEntity(req);
      const entityRef = stringifyEntityRef(entity);
      await authorize(req, finopsCostReadPermission, entityRef);
      res.json(
        await services.unitCosts.entityUnitCost({
          entity,
          entityRef,
          entityRefs: rollupRefs(entity),
          window,
        }),
      );
    },
  );

  router.get('/v1/summary', async (req, res) => {
    const window = readWindow(req.query);
    const groupBy = readChoice(
      req.query,
      'groupBy',
      SUMMARY_GROUP_BYS,
      'costCenter',
    );
    await authorize(req, finopsSummaryReadPermission);
    res.json(await services.costQueries.summary({ window, groupBy }));
  });

  router.get('/v1/export/focus', async (req, res) => {
    const window = readWindow(req.query);
    await authorize(req, finopsSummaryReadPermission);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="tollgate-focus-${window.from}-${window.to}.csv"`,
    );
    await writeFocusCsv(services.costStore.exportRows(window), res);
  });
}
