import { InputError } from '@backstage/errors';
import {
  finopsSummaryReadPermission,
  providerSlug,
  windowLength,
} from '@tollgate/plugin-finops-common';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { readText, readWindow } from '../http/readQueryParams';
import { ReconciliationService } from './ReconciliationService';

/** The longest period one reconciliation reads. */
const MAX_DAYS = 366;

/** The reconciliation route: metered, vendor and invoiced figures side by side. */
export function addReconciliationRoutes(
  router: FinopsRouter,
  options: { reconciliation: ReconciliationService },
  helpers: Pick<RouteHelpers, 'authorize'>,
) {
  router.get('/v1/reconciliation', async (req, res) => {
    const window = readWindow(req.query);
    if (windowLength(window) > MAX_DAYS) {
      throw new InputError(
        `Query parameters from and to span ${windowLength(
          window,
        )} days: reconciliation reads at most ${MAX_DAYS}`,
      );
    }
    const provider = readText(req.query, 'provider');
    if (
      provider !== undefined &&
      (provider.length > 255 || !providerSlug(provider))
    ) {
      throw new InputError(
        `Query parameter provider has invalid value ${JSON.stringify(
          provider,
        )}: expected a provider name such as openai, of at most 255 characters`,
      );
    }
    await helpers.authorize(req, finopsSummaryReadPermission);
    res.json(
      await options.reconciliation.reconcile({
        window,
        ...(provider ? { provider } : {}),
      }),
    );
  });
}
