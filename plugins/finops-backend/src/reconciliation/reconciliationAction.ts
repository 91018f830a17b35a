import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  finopsSummaryReadPermission,
  providerSlug,
} from '@tollgate/plugin-finops-common';
import { InputError } from '@backstage/errors';
import { actionFields } from '../actions/actionInputs';
import { answer } from '../actions/actionOutputs';
import { namedFieldInput } from '../actions/namedFieldInput';
import { createCredentialsAuthorizer } from '../http/createAuthorizer';
import { readWindow } from '../http/readQueryParams';
import { ReconciliationService } from './ReconciliationService';

/** The action `finops:get-reconciliation`, the same answer as the route. */
export function registerReconciliationAction(
  registry: ActionsRegistryService,
  services: {
    permissions: PermissionsService;
    reconciliation: ReconciliationService;
  },
) {
  const authorize = createCredentialsAuthorizer(services.permissions);
  registry.register({
    name: 'get-reconciliation',
    title: 'Reconcile metered, vendor and invoiced AI spend',
    description:
      "Per provider, model, token type and day over a period of UTC days: metered usage (telemetry and usage reported as it happens, priced by the price book), the vendor's usage API (priced by the price book), the vendor's cost API and the invoice (BilledCost), as exact decimal text, with each figure's drift in money and percent against the invoice (or the highest authority present), and the prices of the price book that differ from what was billed with the tollgate.pricing.models entry that would fix each. The same answer as GET /api/finops/v1/reconciliation.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        namedFieldInput(z, {
          from: actionFields.from(z),
          to: actionFields.to(z),
          provider: z
            .string()
            .max(255)
            .optional()
            .describe('Only this provider, such as openai'),
        }),
      output: z =>
        z
          .object({
            from: z.string(),
            to: z.string(),
            currency: z.string(),
            lines: z.array(z.object({}).passthrough()),
            priceSuggestions: z.array(z.object({}).passthrough()),
          })
          .passthrough(),
    },
    action: async ({ input, credentials }) => {
      const window = readWindow(input, new Date(), 'Input field');
      if (input.provider !== undefined && !providerSlug(input.provider)) {
        throw new InputError(
          `Input field provider has invalid value ${JSON.stringify(
            input.provider,
          )}: expected a provider name such as openai`,
        );
      }
      await authorize(credentials, finopsSummaryReadPermission);
      return answer(
        await services.reconciliation.reconcile({
          window,
          ...(input.provider ? { provider: input.provider } : {}),
        }),
      );
    },
  });
}
