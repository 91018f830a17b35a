import { PermissionsService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AlertStore } from '../alerts/AlertStore';
import { BudgetService } from '../budgets/BudgetService';
import { GuardrailService } from '../guardrail/GuardrailService';
import { CostStore } from '../costs/store/CostStore';
import { MeteringService } from '../metering/MeteringService';
import { ScorecardQueries } from '../scorecards/ScorecardQueries';
import { CostQueryService } from '../costs/CostQueryService';

/** What the finops actions answer from: the same services as the REST routes. */
export interface FinopsActionServices {
  permissions: PermissionsService;
  catalog: CatalogService;
  costStore: CostStore;
  costQueries: CostQueryService;
  budgets: BudgetService;
  guardrail: GuardrailService;
  metering: MeteringService;
  alertStore: AlertStore;
  scorecards: ScorecardQueries;
  /** The reporting currency. */
  currency: string;
}
