import { metrics } from '@opentelemetry/api';
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_TOKEN_TYPE,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
} from '@opentelemetry/semantic-conventions/incubating';
import http from 'node:http';
import { LookupFunction } from 'node:net';
import { genAiProviderName, providerHost } from './dayPlan';
import { ModelCall, PlannedRequest } from './requestAt';
import { TRAFFIC_PROFILES } from './trafficProfiles';
import { readVendorUsage, vendorPath } from './vendorMessages';

/** How long a model call may take before the capability gives up and retries. */
const CALL_TIMEOUT_MS = 400;

interface VendorTarget {
  host: string;
  port: number;
}

/** Resolves every host to the local vendor replay. */
const resolveToReplay: LookupFunction = (_host, options, callback) => {
  const answer = callback as (...args: unknown[]) => void;
  if (options.all) answer(null, [{ address: '127.0.0.1', family: 4 }]);
  else answer(null, '127.0.0.1', 4);
};

/** An HTTP call to a vendor's host, resolved to the local vendor replay. */
function callVendor(
  target: VendorTarget,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.host,
        port: target.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        lookup: resolveToReplay,
        timeout: CALL_TIMEOUT_MS,
      },
      response => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', chunk => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => {
      const error = new Error(`${target.host} did not answer in time`);
      error.name = 'TimeoutError';
      request.destroy(error);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Serves `POST /requests` for one capability: each request calls its models through
 * the vendors' APIs (retrying once a call answered 429 or 503, or timed out), records
 * the tokens the vendor reports as `gen_ai.client.token.usage` and the call's time as
 * `gen_ai.client.operation.duration`, makes its API calls, counts its business
 * outcomes, and answers with the planned status after the planned time.
 */
export async function startCapabilityServer(options: {
  capability: string;
  port: number;
  vendorPort: number;
}): Promise<http.Server> {
  const profile = TRAFFIC_PROFILES.find(
    p => p.capability === options.capability,
  );
  if (!profile) {
    throw new Error(`No traffic profile for ${options.capability}`);
  }
  const meter = metrics.getMeter('tollgate-demo-traffic');
  const tokenUsage = meter.createHistogram(METRIC_GEN_AI_CLIENT_TOKEN_USAGE, {
    unit: '{token}',
    description: 'Number of input and output tokens used.',
  });
  const duration = meter.createHistogram(
    METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
    { unit: 's', description: 'GenAI operation duration.' },
  );
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
    const body = JSON.stringify({ model: call.model, max_tokens: 1024 });
    const usage = JSON.stringify(call.tokens);
    if (call.failure) {
      const answer = String(call.failure);
      await callVendor(target, path, { 'x-replay-answer': answer }, body).catch(
        () => undefined,
      );
    }
    const started = performance.now();
    const response = await callVendor(
      target,
      path,
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
    const attributes = {
      [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_CHAT,
      [ATTR_GEN_AI_PROVIDER_NAME]: genAiProviderName(call.provider),
      [ATTR_GEN_AI_REQUEST_MODEL]: call.model,
      [ATTR_GEN_AI_RESPONSE_MODEL]: call.model,
    };
    duration.record((performance.now() - started) / 1000, attributes);
    const reported = readVendorUsage(call.provider, JSON.parse(response.body));
    for (const [tokenType, tokens] of Object.entries(reported)) {
      if (tokens > 0) {
        tokenUsage.record(tokens, {
          ...attributes,
          [ATTR_GEN_AI_TOKEN_TYPE]: tokenType,
        });
      }
    }
  }

  async function handle(planned: PlannedRequest): Promise<number> {
    const started = Date.now();
    const day = new Date(planned.at).toISOString().slice(0, 10);
    for (const call of planned.modelCalls) await callModel(call, day);
    for (const api of planned.apiCalls) {
      for (let i = 0; i < api.count; i++) {
        await callVendor(
          { host: api.host, port: options.vendorPort },
          `/${api.operation}`,
          {},
          '{}',
        );
      }
    }
    if (planned.outcomes) outcomes.add(planned.outcomes);
    const rest = planned.latencySeconds * 1000 - (Date.now() - started);
    if (rest > 0) await new Promise(resolve => setTimeout(resolve, rest));
    return planned.status;
  }

  const server = http.createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', chunk => (text += chunk));
    request.on('end', () => {
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
