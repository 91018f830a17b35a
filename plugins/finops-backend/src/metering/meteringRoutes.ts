import { InputError } from '@backstage/errors';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  finopsCostReadPermission,
  finopsSummaryReadPermission,
  finopsUsageReportPermission,
  formatMicros,
  isCurrencyCode,
  parseMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { Request, Router } from 'express';
import { Authorize } from '../service/createAuthorizer';
import { readText, readWindow } from '../service/readQueryParams';
import { sendUncachedJson } from '../service/sendUncachedJson';
import { modelPrices } from './modelPrices';
import { Reservation } from './DatabaseMeteringStore';
import { MeteringQueries } from './MeteringQueries';
import { MeteringService } from './MeteringService';
import { readUsageEvents, readUsageMeasure, text } from './readUsageEvents';

/** Default and longest time a reservation holds budget. */
const DEFAULT_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 86_400;

/** The usage and reservation routes, for gateways, SDKs and agents. */
export function addMeteringRoutes(
  router: Router,
  options: {
    metering: MeteringService;
    queries: MeteringQueries;
    currency: string;
    priceBook: PriceBook;
  },
  helpers: {
    authorize: Authorize;
    loadEntity: (req: Request) => Promise<Entity>;
  },
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
    const body = req.body ?? {};
    const sessionId = optionalText(body, 'sessionId');
    const maxSessionCostMicros =
      body.maxSessionCost === undefined
        ? undefined
        : readMoney(body.maxSessionCost, 'maxSessionCost');
    if (maxSessionCostMicros !== undefined && !sessionId) {
      throw new InputError('maxSessionCost caps a session: give its sessionId');
    }
    const answer = await metering.reserve({
      entityRef: requiredText(body, 'entityRef'),
      estimateMicros: readMoney(body.estimatedCost, 'estimatedCost'),
      currency: readCurrency(body.currency ?? options.currency),
      ttlSeconds: readTtl(body.ttlSeconds),
      idempotencyKey: optionalText(body, 'idempotencyKey'),
      agentId: optionalText(body, 'agentId'),
      sessionId,
      maxSessionCostMicros,
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

/** A reservation as the API answers it, money as decimal text. */
function reservationJson(reservation: Reservation) {
  const { amountMicros, committedMicros, ...rest } = reservation;
  return {
    ...rest,
    amount: formatMicros(amountMicros),
    ...(committedMicros !== undefined
      ? { committed: formatMicros(committedMicros) }
      : {}),
  };
}

function requiredText(body: Record<string, unknown>, key: string): string {
  if (body[key] === undefined) {
    throw new InputError(
      `${key} is required, such as component:default/summarizer`,
    );
  }
  return text(body, key, '', true)!;
}

function optionalText(body: Record<string, unknown>, key: string) {
  return text(body, key, '');
}

function readMoney(value: unknown, field: string): bigint {
  const micros = typeof value === 'string' ? parseMicros(value) : undefined;
  if (micros === undefined || micros < 0n) {
    throw new InputError(
      `${field} ${JSON.stringify(
        value,
      )} is not a decimal string of at least 0, such as "0.25"`,
    );
  }
  return micros;
}

function readCurrency(value: unknown): string {
  if (!isCurrencyCode(value)) {
    throw new InputError(
      `currency ${JSON.stringify(
        value,
      )} is not an ISO 4217 currency code such as "USD"`,
    );
  }
  return value;
}

function readTtl(value: unknown): number {
  if (value === undefined) {
    return DEFAULT_TTL_SECONDS;
  }
  if (
    !Number.isInteger(value) ||
    (value as number) < 1 ||
    (value as number) > MAX_TTL_SECONDS
  ) {
    throw new InputError(
      `ttlSeconds ${JSON.stringify(
        value,
      )} is not a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`,
    );
  }
  return value as number;
}
