import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  BudgetScope,
  describeBudgetScope,
  finopsCostReadPermission,
  finopsSummaryReadPermission,
  readEntityCostLabels,
} from '@tollgate/plugin-finops-common';
import { entityRefKey } from '../entities/entityRefKey';
import { createCredentialsAuthorizer } from '../http/createAuthorizer';
import { readEntityRef } from '../http/loadCatalogEntity';
import { readableEntity } from './readableEntity';
import { actionFields } from './actionInputs';
import { actionOutputs, answer } from './actionOutputs';
import { FinopsActionServices } from './FinopsActionServices';
import { namedFieldInput } from './namedFieldInput';

const READ_ONLY = { readOnly: true, destructive: false, idempotent: true };

/** Actions that read budgets and their alerts. */
export function registerBudgetActions(
  registry: ActionsRegistryService,
  services: FinopsActionServices,
) {
  const authorize = createCredentialsAuthorizer(services.permissions);

  registry.register({
    name: 'get-budget-status',
    title: 'Get budget status',
    description:
      "Budget status of an entity (its own budget and its team's and cost center's, which also cover its spend), or of a team or a cost center: amount, spent, forecast, remaining, utilization and thresholds crossed in the current period. Give exactly one of entityRef, team or costCenter. The same figures as the budget routes of /api/finops.",
    attributes: READ_ONLY,
    schema: {
      input: z =>
        namedFieldInput(z, {
          entityRef: actionFields.entityRef(z).optional(),
          team: z.string().optional().describe('A team, such as payments'),
          costCenter: z
            .string()
            .optional()
            .describe('A cost center, such as cc-1001'),
        }),
      output: actionOutputs.budgetStatus,
    },
    action: async ({ input, credentials }) => {
      const given = (['entityRef', 'team', 'costCenter'] as const).filter(
        key => input[key] !== undefined,
      );
      if (given.length !== 1) {
        throw new InputError(
          `Give exactly one of entityRef, team or costCenter; the input has ${
            given.length ? given.join(', ') : 'none'
          }`,
        );
      }
      if (input.entityRef !== undefined) {
        const { entity } = await readableEntity(
          services,
          authorize,
          input.entityRef,
          credentials,
        );
        const status = services.budgets.entityBudget(
          entity,
          readEntityCostLabels(entity),
        );
        return answer({
          scope: { entityRef: status.entityRef },
          ...status,
          budgets: [...(status.own ? [status.own] : []), ...status.inherited],
        });
      }
      const scope = (
        input.team !== undefined
          ? { team: input.team }
          : { costCenter: input.costCenter }
      ) as BudgetScope;
      await authorize(credentials, finopsSummaryReadPermission);
      const status = services.budgets.forScope(scope);
      if (!status) {
        throw new NotFoundError(`No budget for ${describeBudgetScope(scope)}`);
      }
      return answer({ scope, budgets: [status] });
    },
  });

  registry.register({
    name: 'list-open-alerts',
    title: 'List open alerts',
    description:
      "Open FinOps alerts: budget thresholds crossed, spend anomalies and spend-rate limits passed; of one entity when entityRef is given, else the organization's. The same items as GET /api/finops/v1/alerts?status=open.",
    attributes: READ_ONLY,
    schema: {
      input: z =>
        namedFieldInput(z, {
          entityRef: actionFields.entityRef(z).optional(),
        }),
      output: actionOutputs.alerts,
    },
    action: async ({ input, credentials }) => {
      if (input.entityRef === undefined) {
        await authorize(credentials, finopsSummaryReadPermission);
        return answer({
          items: await services.alertStore.list({ status: 'open' }),
        });
      }
      const entityRef = entityRefKey(readEntityRef(input.entityRef));
      await authorize(credentials, finopsCostReadPermission, entityRef);
      return answer({
        items: await services.alertStore.list({
          scopes: [{ entityRef }],
          status: 'open',
        }),
      });
    },
  });

  registry.register({
    name: 'get-entity-scorecard',
    title: 'Get entity scorecard',
    description:
      "An entity's Cost, Risk and Velocity scorecards: each pillar's score and grade, the checks that fail and why, and the 90-day trend. The same answer as GET /api/finops/v1/entities/{kind}/{namespace}/{name}/scorecard.",
    attributes: READ_ONLY,
    schema: {
      input: z => namedFieldInput(z, { entityRef: actionFields.entityRef(z) }),
      output: actionOutputs.scorecard,
    },
    action: async ({ input, credentials }) => {
      const { entityRef } = await readableEntity(
        services,
        authorize,
        input.entityRef,
        credentials,
      );
      return answer(await services.scorecards.entityScorecard(entityRef));
    },
  });
}
