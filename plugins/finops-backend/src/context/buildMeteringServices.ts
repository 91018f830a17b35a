import {
  AuditorService,
  LifecycleService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { AlertStore } from '../alerts/AlertStore';
import { SpendRateAlerts } from '../alerts/SpendRateAlerts';
import { BudgetService } from '../budgets/BudgetService';
import { CostPrecedence } from '../costs/store/CostPrecedence';
import { DatabaseDenialStore } from '../metering/DatabaseDenialStore';
import { DatabaseMeteringStore } from '../metering/DatabaseMeteringStore';
import { GuardrailOutcomes } from '../metering/GuardrailOutcomes';
import { MeteringQueries } from '../metering/MeteringQueries';
import { MeteringService } from '../metering/MeteringService';

/**
 * Metering: usage reported and reservations held against budgets, with the denials the
 * guardrail recorded, which are written before the backend stops.
 */
export function buildMeteringServices(options: {
  db: Knex;
  currency: string;
  precedence: CostPrecedence;
  priceBook: PriceBook;
  budgets: BudgetService;
  warnAtPercent: number;
  alertStore: AlertStore;
  notifier: AlertNotifier;
  auditor: AuditorService;
  lifecycle: LifecycleService;
  logger: LoggerService;
}) {
  const { db, currency, budgets, logger } = options;
  const denials = DatabaseDenialStore.fromKnex(db, { logger });
  options.lifecycle.addShutdownHook(() => denials.flush());
  return {
    metering: new MeteringService({
      store: DatabaseMeteringStore.fromKnex(db, options.precedence),
      budgets,
      priceBook: options.priceBook,
      logger,
      warnAtPercent: options.warnAtPercent,
      currency,
      outcomes: new GuardrailOutcomes({
        denials,
        spendRateAlerts: new SpendRateAlerts({
          alertStore: options.alertStore,
          notifier: options.notifier,
          logger,
        }),
        budgets,
        auditor: options.auditor,
      }),
    }),
    meteringQueries: new MeteringQueries({ db, denials, currency }),
  };
}
