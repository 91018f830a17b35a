import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  finopsCostReadPermission,
  isCurrencyCode,
  parseMicros,
} from '@tollgate/plugin-finops-common';
import { MeteringService } from '../metering/MeteringService';
import { ReservationAnswer } from '../metering/reservationVerdict';
import { ParamLabel } from '../http/readQueryParams';
import { BudgetService } from '../budgets/BudgetService';
import { GuardrailService } from './GuardrailService';

/** A guardrail check's question, checked. */
export interface GuardrailCheckInput {
  entityRef: string;
  estimateMicros: bigint;
  currency: string;
}

/**
 * Reads a guardrail check as the route's query or the action's input have it; throws
 * InputError naming the value that is wrong.
 */
export function readGuardrailCheck(
  values: { entityRef?: unknown; estimatedCost?: unknown; currency?: unknown },
  defaultCurrency: string,
  label: ParamLabel,
): GuardrailCheckInput {
  const { entityRef, estimatedCost } = values;
  const currency = values.currency ?? defaultCurrency;
  if (typeof entityRef !== 'string' || !entityRef) {
    throw new InputError(
      `${label} entityRef is required, such as component:default/summarizer`,
    );
  }
  const estimateMicros =
    typeof estimatedCost === 'string' ? parseMicros(estimatedCost) : undefined;
  if (estimateMicros === undefined || estimateMicros < 0n) {
    throw new InputError(
      `${label} estimatedCost has invalid value ${JSON.stringify(
        estimatedCost,
      )}: expected a decimal amount of at least 0, such as 0.25`,
    );
  }
  if (!isCurrencyCode(currency)) {
    throw new InputError(
      `${label} currency has invalid value ${JSON.stringify(
        currency,
      )}: expected an ISO 4217 currency code such as USD`,
    );
  }
  return { entityRef, estimateMicros, currency };
}

/** What a guardrail check reads: the budget snapshot, and metering for spend rates. */
export interface GuardrailCheckServices {
  budgets: BudgetService;
  guardrail: GuardrailService;
  /** Completes a check with the spend-rate limit and records its denial. */
  metering: Pick<MeteringService, 'check'>;
}

/**
 * Answers a guardrail check for a caller allowed to read the entity's cost: the budget
 * snapshot's verdict, completed with the spend-rate limit; a denial is recorded.
 */
export async function checkGuardrail(
  services: GuardrailCheckServices,
  input: GuardrailCheckInput,
  /** Checks the caller's permission on the entity, answering the caller's credentials. */
  authorize: (
    permission: ResourcePermission,
    resourceRef: string,
  ) => Promise<BackstageCredentials>,
): Promise<ReservationAnswer> {
  const entity = services.budgets.current().entity(input.entityRef);
  const credentials = await authorize(
    finopsCostReadPermission,
    entity?.entityRef ?? input.entityRef,
  );
  return services.metering.check(services.guardrail.check(input), {
    estimateMicros: input.estimateMicros,
    currency: input.currency,
    credentials,
  });
}
