import { NotFoundError } from '@backstage/errors';
import {
  finopsCostReadPermission,
  finopsSummaryReadPermission,
} from '@tollgate/plugin-finops-common';
import { AlertStore } from './AlertStore';
import { authorizeScopeEdit } from '../budgets/authorizeScopeEdit';
import { actorOf } from '../http/createAuthorizer';
import { audited } from '../http/audited';
import { readChoice, readText } from '../http/readQueryParams';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';

/** The alert routes: alerts of an entity or all, and their acknowledgement, audited. */
export function addAlertRoutes(
  router: FinopsRouter,
  alertStore: AlertStore,
  helpers: RouteHelpers,
) {
  const { authorize, auditor } = helpers;

  router.get('/v1/alerts', async (req, res) => {
    const entityRef = readText(req.query, 'entityRef');
    const status = readChoice(req.query, 'status', ['open', 'all'], 'all');
    if (entityRef) {
      const normalized = entityRef.toLocaleLowerCase('en-US');
      await authorize(req, finopsCostReadPermission, normalized);
      res.json({
        items: await alertStore.list({
          scopes: [{ entityRef: normalized }],
          status,
        }),
      });
      return;
    }
    await authorize(req, finopsSummaryReadPermission);
    res.json({ items: await alertStore.list({ status }) });
  });

  router.post('/v1/alerts/:id/acknowledge', async (req, res) => {
    const id = req.params.id;
    const acknowledged = await audited(
      auditor,
      req,
      { eventId: 'alert-acknowledge', meta: { id } },
      async found => {
        const alert = await alertStore.get(id);
        if (!alert) {
          throw new NotFoundError(`No alert ${id}`);
        }
        found.scope = { ...alert.scope };
        const credentials = await authorizeScopeEdit(
          authorize,
          req,
          alert.scope,
        );
        return alertStore.acknowledge(id, actorOf(credentials) ?? 'unknown');
      },
    );
    res.json(acknowledged);
  });
}
