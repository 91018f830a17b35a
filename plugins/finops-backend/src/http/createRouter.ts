import {
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { assertError } from '@backstage/errors';
import {
  COST_GROUP_BYS,
  GOVERNANCE_LEVELS,
  kubernetesLabelPlan,
  SUMMARY_GROUP_BYS,
  finopsCostReadPermission,
  finopsIngestRunPermission,
  finopsSummaryReadPermission,
} from '@tollgate/plugin-finops-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { CostStore } from '../costs/store/CostStore';
import { CostQueryService } from '../costs/CostQueryService';
import { readChoice, readText, readWindow } from './readQueryParams';
import { SourceRunService } from '../sources/SourceRunService';
import { SourceStatusService } from '../sources/SourceStatusService';
import { writeFocusCsv } from '../costs/writeFocusCsv';
import { GovernanceService } from '../governance/GovernanceService';
import { createAuthorizer } from './createAuthorizer';
import { loadCatalogEntity, rollupRefs } from './loadCatalogEntity';
import { addBudgetRoutes, BudgetRouteOptions } from '../budgets/budgetRoutes';
import { addMeteringRoutes } from '../metering/meteringRoutes';
import { MeteringService } from '../metering/MeteringService';
import { MeteringQueries } from '../metering/MeteringQueries';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { addScorecardRoutes } from '../scorecards/scorecardRoutes';
import { ScorecardQueries } from '../scorecards/ScorecardQueries';
import { readLabelDrift } from '../labels/readLabelDrift';
import { UnitCostService } from '../costs/UnitCostService';
import { addReconciliationRoutes } from '../reconciliation/reconciliationRoutes';
import { ReconciliationService } from '../reconciliation/ReconciliationService';
import { addUnallocatedRoutes } from '../unallocated/unallocatedRoutes';
import { UnallocatedSpendService } from '../unallocated/UnallocatedSpendService';
import { addUpstreamRoutes } from '../upstream/upstreamRoutes';

export interface RouterOptions {
  /** Records who changed budgets, acknowledged alerts and ran sources. */
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  costStore: CostStore;
  costQueries: CostQueryService;
  unitCosts: UnitCostService;
  sourceStatus: SourceStatusService;
  sourceRuns: SourceRunService;
  governance: GovernanceService;
  budgets: BudgetRouteOptions;
  scorecards: ScorecardQueries;
  metering: MeteringService;
  meteringQueries: MeteringQueries;
  priceBook: PriceBook;
  reconciliation: ReconciliationService;
  unallocated: UnallocatedSpendService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog } = options;
  const router = Router();
  // a usage report of 1,000 events is some hundreds of kilobytes
  router.use(express.json({ limit: '2mb' }));

  const authorize = createAuthorizer(httpAuth, permissions);

  async function loadEntity(req: Request): Promise<Entity> {
    const { kind, namespace, name } = req.params;
    const credentials = await httpAuth.credentials(req);
    return loadCatalogEntity(catalog, { kind, namespace, name }, credentials);
  }

  async function findEntity(req: Request, ref: string) {
    const credentials = await httpAuth.credentials(req);
    return catalog.getEntityByRef(ref, { credentials });
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/entities/:kind/:namespace/:name/cost', async (req, res) => {
    const window = readWindow(req.query);
    const groupBy = readChoice(req.query, 'groupBy', COST_GROUP_BYS, 'model');
    const entity = await loadEntity(req);
    const entityRef = stringifyEntityRef(entity);
    await authorize(req, finopsCostReadPermission, entityRef);
    res.json(
      await options.costQueries.entityCost({
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
        await options.unitCosts.entityUnitCost({
          entity,
          entityRef,
          entityRefs: rollupRefs(entity),
          window,
        }),
      );
    },
  );

  router.get('/v1/entities/:kind/:namespace/:name/labels', async (req, res) => {
    const entity = await loadEntity(req);
    const entityRef = stringifyEntityRef(entity);
    await authorize(req, finopsCostReadPermission, entityRef);
    const plan = kubernetesLabelPlan(entity, entityRef);
    res.json({ ...plan, drift: await readLabelDrift(options.costStore, plan) });
  });

  router.get('/v1/governance/findings', async (req, res) => {
    const filter = {
      entityRef: readText(req.query, 'entityRef'),
      team: readText(req.query, 'team'),
      rule: readText(req.query, 'rule'),
      level: readChoice(req.query, 'level', GOVERNANCE_LEVELS, undefined),
    };
    const credentials = await httpAuth.credentials(req);
    res.json(await options.governance.findings(filter, credentials));
  });

  router.get('/v1/summary', async (req, res) => {
    const window = readWindow(req.query);
    const groupBy = readChoice(
      req.query,
      'groupBy',
      SUMMARY_GROUP_BYS,
      'costCenter',
    );
    await authorize(req, finopsSummaryReadPermission);
    res.json(await options.costQueries.summary({ window, groupBy }));
  });

  router.get('/v1/sources', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await options.sourceStatus.list() });
  });

  router.post('/v1/sources/:id/run', async (req, res) => {
    // recorded with who asked, and refused or failed attempts too
    const auditorEvent = await options.auditor.createEvent({
      eventId: 'source-run',
      severityLevel: 'medium',
      request: req,
      meta: { sourceId: req.params.id },
    });
    try {
      const window = readWindow(req.query);
      await authorize(req, finopsIngestRunPermission);
      const run = await options.sourceRuns.runNow(req.params.id, window);
      await auditorEvent.success({
        meta: {
          window: { ...run.window },
          runId: run.id,
          status: run.status,
          ...(run.error ? { runError: run.error } : {}),
        },
      });
      res.json(run);
    } catch (error) {
      assertError(error);
      await auditorEvent.fail({ error });
      throw error;
    }
  });

  router.get('/v1/export/focus', async (req, res) => {
    const window = readWindow(req.query);
    await authorize(req, finopsSummaryReadPermission);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="tollgate-focus-${window.from}-${window.to}.csv"`,
    );
    await writeFocusCsv(options.costStore.exportRows(window), res);
  });

  addBudgetRoutes(router, options.budgets, {
    authorize,
    loadEntity,
    findEntity,
    auditor: options.auditor,
  });
  addScorecardRoutes(router, options.scorecards, { authorize, loadEntity });
  addMeteringRoutes(
    router,
    {
      metering: options.metering,
      queries: options.meteringQueries,
      currency: options.budgets.currency,
      priceBook: options.priceBook,
    },
    { authorize, loadEntity },
  );
  addReconciliationRoutes(
    router,
    { reconciliation: options.reconciliation },
    { authorize },
  );
  addUnallocatedRoutes(
    router,
    { unallocated: options.unallocated },
    { authorize },
  );
  addUpstreamRoutes(
    router,
    { costStore: options.costStore },
    { authorize, loadEntity },
  );

  return router;
}
