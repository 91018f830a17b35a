import { HttpAuthService } from '@backstage/backend-plugin-api';
import { assertError } from '@backstage/errors';
import { finopsIngestRunPermission } from '@tollgate/plugin-finops-common';
import { readWindow } from '../http/readQueryParams';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { SourceRunService } from './SourceRunService';
import { SourceStatusService } from './SourceStatusService';

/** The source routes: every cost source's status, and a run on demand, audited. */
export function addSourceRoutes(
  router: FinopsRouter,
  services: {
    sourceStatus: SourceStatusService;
    sourceRuns: SourceRunService;
    httpAuth: HttpAuthService;
  },
  helpers: RouteHelpers,
) {
  router.get('/v1/sources', async (req, res) => {
    await services.httpAuth.credentials(req);
    res.json({ items: await services.sourceStatus.list() });
  });

  router.post('/v1/sources/:id/run', async (req, res) => {
    // recorded with who asked, and refused or failed attempts too
    const auditorEvent = await helpers.auditor.createEvent({
      eventId: 'source-run',
      severityLevel: 'medium',
      request: req,
      meta: { sourceId: req.params.id },
    });
    try {
      const window = readWindow(req.query);
      await helpers.authorize(req, finopsIngestRunPermission);
      const run = await services.sourceRuns.runNow(req.params.id, window);
      await auditorEvent.success({
        meta: {
          window: { ...run.window },
          runId: run.id,
          status: run.status,
          ...(run.error ? { runError: run.error } : {}),
        },
      });
      res.json(run);
    } catch (error) {
      assertError(error);
      await auditorEvent.fail({ error });
      throw error;
    }
  });
}
