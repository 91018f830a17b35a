import {
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PriceBook } from '@tollgate/plugin-finops-node';
import express from 'express';
import { addAlertRoutes } from '../alerts/alertRoutes';
import { AlertStore } from '../alerts/AlertStore';
import { addBudgetRoutes } from '../budgets/budgetRoutes';
import { BudgetService } from '../budgets/BudgetService';
import { addCostRoutes } from '../costs/costRoutes';
import { CostQueryService } from '../costs/CostQueryService';
import { CostStore } from '../costs/store/CostStore';
import { UnitCostService } from '../costs/UnitCostService';
import { addGovernanceRoutes } from '../governance/governanceRoutes';
import { GovernanceService } from '../governance/GovernanceService';
import { addGuardrailRoutes } from '../guardrail/guardrailRoutes';
import { GuardrailService } from '../guardrail/GuardrailService';
import { addLabelRoutes } from '../labels/labelRoutes';
import { addMeteringRoutes } from '../metering/meteringRoutes';
import { MeteringQueries } from '../metering/MeteringQueries';
import { MeteringService } from '../metering/MeteringService';
import { addReconciliationRoutes } from '../reconciliation/reconciliationRoutes';
import { ReconciliationService } from '../reconciliation/ReconciliationService';
import { addScorecardRoutes } from '../scorecards/scorecardRoutes';
import { ScorecardQueries } from '../scorecards/ScorecardQueries';
import { addSourceRoutes } from '../sources/sourceRoutes';
import { SourceRunService } from '../sources/SourceRunService';
import { SourceStatusService } from '../sources/SourceStatusService';
import { addUnallocatedRoutes } from '../unallocated/unallocatedRoutes';
import { UnallocatedSpendService } from '../unallocated/UnallocatedSpendService';
import { addUpstreamRoutes } from '../upstream/upstreamRoutes';
import { createAuthorizer } from './createAuthorizer';
import { specErrorHandler } from './describeSpecError';
import { createFinopsOpenApiRouter } from './createFinopsOpenApiRouter';
import { loadCatalogEntity } from './loadCatalogEntity';
import { RouteHelpers } from './RouteHelpers';

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
  budgets: {
    budgets: BudgetService;
    guardrail: GuardrailService;
    alertStore: AlertStore;
    /** Completes a check with the spend-rate limit and records its denial. */
    metering: Pick<MeteringService, 'check'>;
    /** The reporting currency, which guardrail estimates are in unless they say. */
    currency: string;
  };
  scorecards: ScorecardQueries;
  metering: MeteringService;
  meteringQueries: MeteringQueries;
  priceBook: PriceBook;
  reconciliation: ReconciliationService;
  unallocated: UnallocatedSpendService;
}

/**
 * The finops API: the router generated from `src/schema/openapi.yaml`, which refuses a
 * request whose parameters the spec does not allow with 400 naming the parameter, and
 * each domain's routes on it.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog } = options;
  const router = await createFinopsOpenApiRouter();

  const helpers: RouteHelpers = {
    authorize: createAuthorizer(httpAuth, options.permissions),
    async loadEntity(req) {
      const { kind, namespace, name } = req.params;
      const credentials = await httpAuth.credentials(req);
      return loadCatalogEntity(catalog, { kind, namespace, name }, credentials);
    },
    async findEntity(req, ref) {
      const credentials = await httpAuth.credentials(req);
      return catalog.getEntityByRef(ref, { credentials });
    },
    auditor: options.auditor,
  };

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  addCostRoutes(router, options, helpers);
  addLabelRoutes(router, options.costStore, helpers);
  addGovernanceRoutes(router, options.governance, httpAuth);
  addSourceRoutes(router, { ...options, httpAuth }, helpers);
  addBudgetRoutes(router, options.budgets.budgets, helpers);
  addGuardrailRoutes(router, options.budgets, helpers);
  addAlertRoutes(router, options.budgets.alertStore, helpers);
  addScorecardRoutes(router, options.scorecards, helpers);
  addMeteringRoutes(
    router,
    {
      metering: options.metering,
      queries: options.meteringQueries,
      currency: options.budgets.currency,
      priceBook: options.priceBook,
    },
    helpers,
  );
  addReconciliationRoutes(router, options, helpers);
  addUnallocatedRoutes(router, options, helpers);
  addUpstreamRoutes(router, options, helpers);
  router.use(specErrorHandler());
  return router;
}
