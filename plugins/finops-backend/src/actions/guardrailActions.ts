import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { finopsUsageReportPermission } from '@tollgate/plugin-finops-common';
import {
  checkGuardrail,
  readGuardrailCheck,
} from '../guardrail/guardrailCheck';
import { readReservationInput } from '../metering/readReservationInput';
import { readUsageMeasure } from '../metering/readUsageEvents';
import { reservationJson } from '../metering/reservationJson';
import { createCredentialsAuthorizer } from '../http/createAuthorizer';
import { actionFields } from './actionInputs';
import { actionOutputs, answer } from './actionOutputs';
import { FinopsActionServices } from './FinopsActionServices';
import { namedFieldInput } from './namedFieldInput';

/** The guardrail as agents reach it: ask before spending, reserve, commit, release. */
export function registerGuardrailActions(
  registry: ActionsRegistryService,
  services: FinopsActionServices,
) {
  const authorize = createCredentialsAuthorizer(services.permissions);

  registry.register({
    name: 'check-guardrail',
    title: 'Check the guardrail before spending',
    description:
      "Asks whether an entity may spend an estimated amount now: allow, warn or deny, with the reason, the deciding budget and what remains, and the entity's spend-rate limit. Holds nothing: to hold budget for a call, reserve it. The same answer as GET /api/finops/v1/guardrails/check.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        namedFieldInput(z, {
          entityRef: actionFields.entityRef(z),
          estimatedCost: actionFields.money(z, 'The estimated cost'),
          currency: actionFields.currency(z),
        }),
      output: actionOutputs.guardrailAnswer,
    },
    action: async ({ input, credentials }) =>
      answer(
        await checkGuardrail(
          services,
          readGuardrailCheck(input, services.currency, 'Input field'),
          async (permission, resourceRef) => {
            await authorize(credentials, permission, resourceRef);
            return credentials;
          },
        ),
      ),
  });

  registry.register({
    name: 'reserve-budget',
    title: 'Reserve budget before spending',
    description:
      "Holds an estimated amount of an entity's budget for one call, decided atomically across replicas: a hard budget, a spend-rate limit or the session's cap (maxSessionCost with sessionId) denies what would pass it. Commit the call's actual usage, or release the reservation; it expires after ttlSeconds. An idempotencyKey answers a retry with the first reservation.",
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        namedFieldInput(z, {
          entityRef: actionFields.entityRef(z),
          estimatedCost: actionFields.money(z, 'The estimated cost to hold'),
          currency: actionFields.currency(z),
          ttlSeconds: z
            .number()
            .int()
            .optional()
            .describe('Seconds the reservation holds, 1 to 86400; default 300'),
          idempotencyKey: z
            .string()
            .optional()
            .describe('Key that makes a retry answer the first reservation'),
          agentId: z.string().optional().describe('The agent spending'),
          sessionId: z
            .string()
            .optional()
            .describe('The agent session or conversation spending'),
          maxSessionCost: z
            .string()
            .optional()
            .describe(
              'The most the session may spend, metered and reserved, as a decimal string; needs sessionId',
            ),
        }),
      output: actionOutputs.guardrailAnswer,
    },
    action: async ({ input, credentials }) => {
      const reservation = readReservationInput(input, services.currency);
      await authorize(credentials, finopsUsageReportPermission);
      return answer(
        await services.metering.reserve({
          ...reservation,
          credentials,
        }),
      );
    },
  });

  registry.register({
    name: 'commit-reservation',
    title: 'Commit a reservation with the usage spent',
    description:
      'Records what the reserved call actually used (tokens of a model with provider and model, API calls, or a cost) as metered spend, and ends the reservation. Committing again answers the committed reservation.',
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        namedFieldInput(z, {
          reservationId: z.string().describe('The id reserve-budget answered'),
          usage: z
            .object({
              provider: z
                .string()
                .optional()
                .describe('With tokens: openai, anthropic, …'),
              model: z.string().optional().describe('With tokens: the model'),
              tokens: z
                .object({
                  input: z.number().int().optional(),
                  output: z.number().int().optional(),
                  cacheRead: z.number().int().optional(),
                  cacheWrite: z.number().int().optional(),
                  reasoning: z.number().int().optional(),
                })
                .optional(),
              calls: z
                .object({
                  apiRef: z.string(),
                  operation: z.string(),
                  count: z.number().int(),
                })
                .optional(),
              cost: z
                .object({ amount: z.string(), currency: z.string() })
                .optional(),
            })
            .describe(
              'Exactly one of tokens (with provider and model), calls or cost',
            ),
        }),
      output: actionOutputs.reservation,
    },
    action: async ({ input, credentials }) => {
      const measure = readUsageMeasure(input.usage, 'usage');
      await authorize(credentials, finopsUsageReportPermission);
      return answer(
        reservationJson(
          await services.metering.commit(input.reservationId, measure),
        ),
      );
    },
  });

  registry.register({
    name: 'release-reservation',
    title: 'Release a reservation',
    description:
      'Gives back the budget a reservation holds when its call did not happen. Releasing again answers the released reservation; a committed one cannot be released.',
    attributes: { readOnly: false, destructive: true, idempotent: true },
    schema: {
      input: z =>
        namedFieldInput(z, {
          reservationId: z.string().describe('The id reserve-budget answered'),
        }),
      output: actionOutputs.reservation,
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, finopsUsageReportPermission);
      return answer(
        reservationJson(await services.metering.release(input.reservationId)),
      );
    },
  });
}
