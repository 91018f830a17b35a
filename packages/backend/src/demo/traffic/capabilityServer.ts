import { metrics } from '@opentelemetry/api';
import {
  GuardrailDeniedError,
  TollgateClient,
} from '@tollgate/finops-guardrail-client';
import http from 'node:http';
import { providerHost } from './dayPlan';
import { createGenAiMetrics } from './genAiMetrics';
import { createRuntimeMetrics } from './runtimeMetrics';
import { ModelCallGuard } from './modelCallGuard';
import { replayRequest } from './httpFetch';
import { ModelCall, PlannedRequest } from './requestAt';
import { RUNAWAY_AGENT, RunawayOutcome, runRunawayAgent } from './runawayAgent';
import { TRAFFIC_PROFILES } from './trafficProfiles';
import { readVendorUsage, vendorPath } from './vendorMessages';

/** How long a model call may take before the capability gives up and retries. */
const CALL_TIMEOUT_MS = 400;
/** The most output tokens a model call asks for. */
const MAX_OUTPUT_TOKENS = 1024;

interface VendorTarget {
  host: string;
  port: number;
}

/** An HTTP call to a vendor's host, resolved to the local vendor replay. */
async function callVendor(
  target: VendorTarget,
  call: { method: string; path: string },
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  const answer = await replayRequest({
    ...target,
    ...call,
    headers: { 'content-type': 'application/json', ...headers },
    body,
    timeoutMs: CALL_TIMEOUT_MS,
  });
  return { status: answer.status, body: answer.body.toString('utf8') };
}

/**
 * Serves `POST /requests` for one capability: each request calls its models through
 * the vendors' APIs (retrying once a call answered 429 or 503, or timed out), records
 * the tokens the vendor reports as `gen_ai.client.token.usage` and the call's time as
 * `gen_ai.client.operation.duration`, makes its API calls, counts its business
 * outcomes, and answers with the planned status after the planned time. With a
 * backend, each model call reserves through Tollgate's guardrail client first; a
 * request whose reservation is denied is answered 429 before it spends.
 */
export async function startCapabilityServer(options: {
  capability: string;
  port: number;
  vendorPort: number;
  /** Where the runaway agent reserves, and with which token. */
  backend?: { url: string; token: string };
}): Promise<http.Server> {
  const profile = TRAFFIC_PROFILES.find(
    p => p.capability === options.capability,
  );
  if (!profile) {
    throw new Error(`No traffic profile for ${options.capability}`);
  }
  const meter = metrics.getMeter('tollgate-demo-traffic');
  const genAi = createGenAiMetrics();
  const runtime = createRuntimeMetrics(profile.runtime);
  const guard =
    options.backend &&
    new ModelCallGuard(
      new TollgateClient({
        baseUrl: options.backend.url,
        token: options.backend.token,
      }),
      `component:default/${options.capability}`,
    );

  /** A call to a vendor, counted by the runtime as answered, or as not answered. */
  async function vendorCall(
    target: VendorTarget,
    route: { method: string; route: string; path: string },
    headers: Record<string, string>,
    body: string,
  ) {
    const series = { host: target.host, ...route };
    try {
      const response = await callVendor(target, route, headers, body);
      runtime.called({ ...series, outcome: String(response.status) });
      return response;
    } catch (error) {
      runtime.called({ ...series, outcome: (error as Error).name });
      throw error;
    }
  }
  const outcomes = meter.createCounter(
    profile.outcome.metric.replace(/_total$/, ''),
    { description: `Business outcomes of ${options.capability}` },
  );

  async function callModel(call: ModelCall, day: string) {
    const target = {
      host: providerHost(call.provider),
      port: options.vendorPort,
    };
    const path = vendorPath(call.provider);
    const route = { method: 'POST', route: path, path };
    const body = JSON.stringify({
      model: call.model,
      max_tokens: MAX_OUTPUT_TOKENS,
    });
    const usage = JSON.stringify(call.tokens);
    const attempts = async () => {
      if (call.failure) {
        const answer = String(call.failure);
        await vendorCall(
          target,
          route,
          { 'x-replay-answer': answer },
          body,
        ).catch(() => undefined);
      }
      const started = performance.now();
      const response = await vendorCall(
        target,
        route,
        {
          'x-replay-usage': usage,
          'x-replay-model': call.model,
          'x-replay-capability': options.capability,
          'x-replay-day': day,
        },
        body,
      );
      if (response.status !== 200) {
        throw new Error(`${call.provider} answered ${response.status}`);
      }
      return { ...response, seconds: (performance.now() - started) / 1000 };
    };
    const response = guard
      ? await guard.run({
          provider: call.provider,
          model: call.model,
          promptTokens:
            call.tokens.input +
            call.tokens.cache_read +
            call.tokens.cache_creation,
          maxOutputTokens: MAX_OUTPUT_TOKENS,
          call: attempts,
          responseBody: answer => JSON.parse(answer.body),
        })
      : await attempts();
    genAi.record({
      provider: call.provider,
      model: call.model,
      tokens: readVendorUsage(call.provider, JSON.parse(response.body)),
      seconds: response.seconds,
    });
  }

  // Counted across attempts: one the backend's restart broke off goes on.
  const runawayCalls: RunawayOutcome = { calls: 0 };
  function runaway() {
    if (options.capability !== RUNAWAY_AGENT.capability || !options.backend) {
      return Promise.reject(
        new Error(`${options.capability} has no runaway agent`),
      );
    }
    return runRunawayAgent({
      backendUrl: options.backend.url,
      token: options.backend.token,
      vendorPort: options.vendorPort,
      genAi,
      now: Date.now,
      outcome: runawayCalls,
    });
  }

  async function handle(planned: PlannedRequest): Promise<number> {
    const started = Date.now();
    const day = new Date(planned.at).toISOString().slice(0, 10);
    try {
      for (const modelCall of planned.modelCalls) {
        await callModel(modelCall, day);
      }
    } catch (error) {
      if (!(error instanceof GuardrailDeniedError)) throw error;
      // Its budget holds: the request is refused before it spends.
      runtime.served(429, (Date.now() - started) / 1000);
      return 429;
    }
    for (const api of planned.apiCalls) {
      const path = api.route.replace(/\{[^}]+\}/g, String(planned.index));
      for (let i = 0; i < api.count; i++) {
        await vendorCall(
          { host: api.host, port: options.vendorPort },
          { method: api.method, route: api.route, path },
          {},
          api.method === 'GET' ? '' : '{}',
        );
      }
    }
    if (planned.outcomes) outcomes.add(planned.outcomes);
    const rest = planned.latencySeconds * 1000 - (Date.now() - started);
    if (rest > 0) await new Promise(resolve => setTimeout(resolve, rest));
    runtime.served(planned.status, (Date.now() - started) / 1000);
    return planned.status;
  }

  const server = http.createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', chunk => (text += chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/runaway') {
        runaway().then(
          outcome =>
            response
              .writeHead(200, { 'content-type': 'application/json' })
              .end(JSON.stringify(outcome)),
          error => response.writeHead(502).end(String(error)),
        );
        return;
      }
      if (request.method !== 'POST' || request.url !== '/requests') {
        response.writeHead(404).end();
        return;
      }
      handle(JSON.parse(text) as PlannedRequest).then(
        status => response.writeHead(status).end(),
        error => response.writeHead(502).end(String(error)),
      );
    });
  });
  await new Promise<void>(resolve =>
    server.listen(options.port, '127.0.0.1', resolve),
  );
  return server;
}
