import express from 'express';
import Router from 'express-promise-router';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createSpecQueryCheck } from '../src/http/createSpecQueryCheck';
import { createFinopsOpenApiRouter } from '../src/http/createFinopsOpenApiRouter';
import { sendUncachedJson } from '../src/http/sendUncachedJson';

/** A guardrail check's answer, fixed: what is measured is the router in front of it. */
const ANSWER = {
  decision: 'allow',
  entityRef: 'component:default/capability-0',
  estimatedCost: '0.01',
  currency: 'USD',
  reason: 'within budget',
  snapshotAt: new Date(0).toISOString(),
};

/** A server on an ephemeral port, answering under /api/finops as the plugin does. */
async function serve(router: express.Router) {
  const app = express();
  app.use('/api/finops', router);
  const server: Server = await new Promise(resolve => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

/** The generated router with the plugin's options, or with the validator on every path. */
async function generatedRouter(validator: 'plugin' | 'every path') {
  const router = await createFinopsOpenApiRouter({
    validateEveryPath: validator === 'every path',
  });
  const checkQuery = createSpecQueryCheck('/v1/guardrails/check', 'get');
  router.get('/v1/guardrails/check', (req, res) => {
    if (validator === 'plugin') {
      checkQuery(req.query);
    }
    sendUncachedJson(res, ANSWER);
  });
  return router;
}

/**
 * Three servers answering `GET /v1/guardrails/check` with the same fixed answer: on the
 * plain router the route had before the spec's router; on the router generated from
 * openapi.yaml with the plugin's options (the route checks its query itself); and on
 * the generated router validating the route's query. The differences with the first
 * are what each costs a check.
 */
export async function startSpecValidationServers() {
  const plain = Router();
  plain.use(express.json({ limit: '2mb' }));
  plain.get('/v1/guardrails/check', (_req, res) =>
    sendUncachedJson(res, ANSWER),
  );
  return {
    plain: await serve(plain),
    plugin: await serve(await generatedRouter('plugin')),
    validator: await serve(await generatedRouter('every path')),
  };
}
