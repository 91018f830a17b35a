import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  finopsCostReadPermission,
  finopsSummaryReadPermission,
  finopsUsageReportPermission,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { readText, readWindow } from '../http/readQueryParams';
import { sendUncachedJson } from '../http/sendUncachedJson';
import { modelPrices } from './modelPrices';
import { readReservationInput } from './readReservationInput';
import { reservationJson } from './reservationJson';
import { MeteringQueries } from './MeteringQueries';
import { MeteringService } from './MeteringService';
import { readUsageEvents, readUsageMeasure } from './readUsageEvents';

/** The usage and reservation routes, for gateways, SDKs and agents. */
export function addMeteringRoutes(
  router: FinopsRouter,
  options: {
    metering: MeteringService;
    queries: MeteringQueries;
    currency: string;
    priceBook: PriceBook;
  },
  helpers: RouteHelpers,
) {
  const { metering, queries } = options;
  const { authorize, loadEntity } = helpers;

  router.get(
    '/v1/entities/:kind/:namespace/:name/metering',
    async (req, res) => {
      const entityRef = stringifyEntityRef(await loadEntity(req));
      await authorize(req, finopsCostReadPermission, entityRef);
      sendUncachedJson(
        res,
        await queries.entityMetering(...metering.rateLimited(entityRef)),
      );
    },
  );

  router.get('/v1/metering/summary', async (req, res) => {
    const window = readWindow(req.query);
    await authorize(req, finopsSummaryReadPermission);
    sendUncachedJson(res, await queries.summary(window));
  });

  router.get('/v1/prices/models', async (req, res) => {
    await authorize(req, finopsUsageReportPermission);
    const provider = readText(req.query, 'provider');
    const model = readText(req.query, 'model');
    if (!provider || !model) {
      throw new InputError(
        'Query parameters provider and model are required, such as provider=openai&model=gpt-4o',
      );
    }
    res.json(
      modelPrices(options.priceBook, {
        provider,
        model,
        day: todayUtc(),
      }),
    );
  });

  router.post('/v1/usage', async (req, res) => {
    await authorize(req, finopsUsageReportPermission);
    const events = readUsageEvents(req.body, new Date());
    sendUncachedJson(res, await metering.report(events));
  });

  router.post('/v1/guardrails/reservations', async (req, res) => {
    const credentials = await authorize(req, finopsUsageReportPermission);
    const answer = await metering.reserve({
      ...readReservationInput(req.body ?? {}, options.currency),
      credentials,
    });
    sendUncachedJson(res, answer);
  });

  router.post('/v1/guardrails/reservations/:id/commit', async (req, res) => {
    await authorize(req, finopsUsageReportPermission);
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputError(
        'The request body must report the usage: one of tokens (with provider and model), calls or cost',
      );
    }
    const measure = readUsageMeasure(body, 'body');
    sendUncachedJson(
      res,
      reservationJson(await metering.commit(req.params.id, measure)),
    );
  });

  router.delete('/v1/guardrails/reservations/:id', async (req, res) => {
    await authorize(req, finopsUsageReportPermission);
    sendUncachedJson(
      res,
      reservationJson(await metering.release(req.params.id)),
    );
  });
}
