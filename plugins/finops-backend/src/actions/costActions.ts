import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  COST_GROUP_BYS,
  SUMMARY_GROUP_BYS,
  finopsSummaryReadPermission,
  rankBySpend,
  rankCostChanges,
} from '@tollgate/plugin-finops-common';
import { createCredentialsAuthorizer } from '../http/createAuthorizer';
import { rollupRefs } from '../entities/rollupRefs';
import { readWindow } from '../http/readQueryParams';
import { actionFields, readGroupBy } from './actionInputs';
import { explainCostChange } from './explainCostChange';
import { FinopsActionServices } from './FinopsActionServices';
import { namedFieldInput } from './namedFieldInput';
import { readableEntity } from './readableEntity';
import { actionOutputs, answer } from './actionOutputs';

const READ_ONLY = { readOnly: true, destructive: false, idempotent: true };

/** Actions that read spend: an entity's, the organization's, and what changed. */
export function registerCostActions(
  registry: ActionsRegistryService,
  services: FinopsActionServices,
) {
  const authorize = createCredentialsAuthorizer(services.permissions);

  registry.register({
    name: 'get-entity-cost',
    title: 'Get entity cost',
    description: `Spend of one catalog entity (a capability such as a Component, or a System with its parts) over a period of UTC days: the total, the total of the period of the same length before, a daily series and a breakdown by one dimension (${COST_GROUP_BYS.join(
      ', ',
    )}). Money is decimal text in the reporting currency. The same answer as GET /api/finops/v1/entities/{kind}/{namespace}/{name}/cost.`,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        namedFieldInput(z, {
          entityRef: actionFields.entityRef(z),
          from: actionFields.from(z),
          to: actionFields.to(z),
          groupBy: actionFields.groupBy(
            z,
            'Dimension of the breakdown',
            COST_GROUP_BYS,
            'model',
          ),
        }),
      output: actionOutputs.entityCost,
    },
    action: async ({ input, credentials }) => {
      const window = readWindow(input, new Date(), 'Input field');
      const groupBy = readGroupBy(input, COST_GROUP_BYS, 'model');
      const { entity, entityRef } = await readableEntity(
        services,
        authorize,
        input.entityRef,
        credentials,
      );
      return answer(
        await services.costQueries.entityCost({
          entityRef,
          entityRefs: rollupRefs(entity),
          window,
          groupBy,
        }),
      );
    },
  });

  registry.register({
    name: 'get-cost-summary',
    title: 'Get organization cost summary',
    description: `Organization-wide spend over a period of UTC days, by ${SUMMARY_GROUP_BYS.join(
      ', ',
    )}: the total and the previous period's, unallocated spend (spend that maps to no entity), every group with its cost in both periods, the top spenders and the top movers (largest change up or down). The same figures as GET /api/finops/v1/summary.`,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        namedFieldInput(z, {
          from: actionFields.from(z),
          to: actionFields.to(z),
          groupBy: actionFields.groupBy(
            z,
            'Grouping',
            SUMMARY_GROUP_BYS,
            'costCenter',
          ),
          top: z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe('How many top spenders and movers to list; default 10'),
        }),
      output: actionOutputs.summary,
    },
    action: async ({ input, credentials }) => {
      const window = readWindow(input, new Date(), 'Input field');
      const groupBy = readGroupBy(input, SUMMARY_GROUP_BYS, 'costCenter');
      await authorize(credentials, finopsSummaryReadPermission);
      const { daily: _daily, ...summary } = await services.costQueries.summary({
        window,
        groupBy,
      });
      return answer({
        ...summary,
        topSpenders: rankBySpend(summary.groups, input.top),
        movers: rankCostChanges(summary.groups, input.top),
      });
    },
  });

  registry.register({
    name: 'explain-cost-change',
    title: 'Explain a cost change',
    description: `Why an entity's spend changed between two periods: its total in each, and for every dimension (${COST_GROUP_BYS.join(
      ', ',
    )}) the keys whose spend changed most, with the dimension and key that moved most first. The earlier period defaults to the one of the same length just before.`,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        namedFieldInput(z, {
          entityRef: actionFields.entityRef(z),
          from: actionFields.from(z),
          to: actionFields.to(z),
          previousFrom: z
            .string()
            .optional()
            .describe('First UTC day of the earlier period, YYYY-MM-DD'),
          previousTo: z
            .string()
            .optional()
            .describe('Last UTC day of the earlier period, YYYY-MM-DD'),
        }),
      output: actionOutputs.costChange,
    },
    action: async ({ input, credentials }) => {
      const window = readWindow(input, new Date(), 'Input field');
      const { entity, entityRef } = await readableEntity(
        services,
        authorize,
        input.entityRef,
        credentials,
      );
      return answer(
        await explainCostChange(services, {
          entityRef,
          entityRefs: rollupRefs(entity),
          window,
          previous: {
            previousFrom: input.previousFrom,
            previousTo: input.previousTo,
          },
        }),
      );
    },
  });
}
