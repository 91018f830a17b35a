import { createSpecQueryCheck } from '../http/createSpecQueryCheck';
import { GUARDRAIL_CHECK_PATH } from '../http/isValidatedByHandler';
import { readText } from '../http/readQueryParams';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { sendUncachedJson } from '../http/sendUncachedJson';
import {
  GuardrailCheckServices,
  checkGuardrail,
  readGuardrailCheck,
} from './guardrailCheck';

/** `GET /v1/guardrails/check`: whether an entity may spend an estimated amount. */
export function addGuardrailRoutes(
  router: FinopsRouter,
  services: GuardrailCheckServices & {
    /** The reporting currency, which estimates are in unless they say. */
    currency: string;
  },
  helpers: Pick<RouteHelpers, 'authorize'>,
) {
  // checked here, not by the spec's validator: see SELF_CHECKED_QUERY_PATHS
  const checkQuery = createSpecQueryCheck(GUARDRAIL_CHECK_PATH, 'get');
  router.get(GUARDRAIL_CHECK_PATH, async (req, res) => {
    checkQuery(req.query);
    const input = readGuardrailCheck(
      {
        entityRef: readText(req.query, 'entityRef'),
        estimatedCost: readText(req.query, 'estimatedCost'),
        currency: readText(req.query, 'currency'),
      },
      services.currency,
      'Query parameter',
    );
    sendUncachedJson(
      res,
      await checkGuardrail(services, input, (permission, resourceRef) =>
        helpers.authorize(req, permission, resourceRef),
      ),
    );
  });
}
