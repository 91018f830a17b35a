/*
 * The guardrail benchmark's load generator, run in its own process so that it does not
 * share an event loop with the backend: `connections` keep-alive connections each send
 * one guardrail check after another, for a random capability and estimate, with the
 * gateway's bearer token. Requests started during the warm-up are not counted. Sends its
 * result to the parent process. With `baselinePath`, requests that path instead and
 * counts any 200 answer, to measure the backend without the guardrail.
 */
import http from 'node:http';
import { percentile } from './benchSupport';

export interface GuardrailLoadOptions {
  baseUrl: string;
  token: string;
  /** Capabilities 0 to entities - 1 are checked. */
  entities: number;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  baselinePath?: string;
  /** Run past `seconds` until the parent process sends GUARDRAIL_LOAD_STOP. */
  untilStopped?: boolean;
}

export interface GuardrailLoadResult {
  /** Requests started after the warm-up. */
  requests: number;
  /** Requests including the warm-up. */
  allRequests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Answers other than 200 with a decision, and failed requests. */
  errors: number;
  firstError?: string;
  decisions: Record<string, number>;
}

/** The type of the message that carries the result to the parent process. */
export const GUARDRAIL_LOAD_RESULT = 'tollgate-guardrail-load-result';
/** The type of the message that ends a load run `untilStopped`. */
export const GUARDRAIL_LOAD_STOP = 'tollgate-guardrail-load-stop';

export interface GuardrailLoadMessage {
  type: string;
  result?: GuardrailLoadResult;
}

const DECISIONS = new Set(['allow', 'warn', 'deny']);

function get(agent: http.Agent, url: string, token: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.get(
      url,
      { agent, headers: { authorization: `Bearer ${token}` } },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', chunk => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

function checkUrl(options: GuardrailLoadOptions) {
  if (options.baselinePath) {
    return `${options.baseUrl}${options.baselinePath}`;
  }
  const i = Math.floor(Math.random() * options.entities);
  const entityRef = `component:default/capability-${i}`;
  const estimatedCost = (Math.random() * 10).toFixed(2);
  return `${
    options.baseUrl
  }/api/finops/v1/guardrails/check?entityRef=${encodeURIComponent(
    entityRef,
  )}&estimatedCost=${estimatedCost}`;
}

/** The decision in a guardrail answer, or why the answer is not one. */
function readDecision(
  status: number,
  body: string,
  baseline: boolean,
): string | Error {
  if (status !== 200) {
    return new Error(`HTTP ${status}: ${body.slice(0, 200)}`);
  }
  if (baseline) {
    return 'baseline';
  }
  try {
    const { decision } = JSON.parse(body);
    return DECISIONS.has(decision)
      ? decision
      : new Error(`No valid decision in ${body.slice(0, 200)}`);
  } catch {
    return new Error(`Not JSON: ${body.slice(0, 200)}`);
  }
}

export async function runGuardrailLoad(
  options: GuardrailLoadOptions,
): Promise<GuardrailLoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
  });
  const measureFrom = performance.now() + options.warmupSeconds * 1000;
  let end = options.untilStopped
    ? Infinity
    : measureFrom + options.seconds * 1000;
  if (options.untilStopped) {
    process.on('message', (message: GuardrailLoadMessage) => {
      if (message.type === GUARDRAIL_LOAD_STOP) end = performance.now();
    });
  }
  const latencies: number[] = [];
  const decisions: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let allRequests = 0;

  async function connection() {
    while (performance.now() < end) {
      const started = performance.now();
      const outcome = await get(agent, checkUrl(options), options.token).then(
        ({ status, body }) =>
          readDecision(status, body, Boolean(options.baselinePath)),
        (error: Error) => error,
      );
      allRequests += 1;
      if (started < measureFrom) {
        continue;
      }
      latencies.push(performance.now() - started);
      if (outcome instanceof Error) {
        errors += 1;
        firstError ??= outcome.message;
      } else {
        decisions[outcome] = (decisions[outcome] ?? 0) + 1;
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, connection));
  agent.destroy();
  const ms = (share: number) => Number(percentile(latencies, share).toFixed(2));
  return {
    requests: latencies.length,
    allRequests,
    requestsPerSecond: Math.round(
      latencies.length /
        ((Math.min(end, performance.now()) - measureFrom) / 1000),
    ),
    latencyMs: { p50: ms(0.5), p99: ms(0.99), max: ms(1) },
    errors,
    ...(firstError ? { firstError } : {}),
    decisions,
  };
}

if (require.main === module) {
  const options: GuardrailLoadOptions = JSON.parse(process.argv[2]);
  runGuardrailLoad(options).then(
    result => {
      const message: GuardrailLoadMessage = {
        type: GUARDRAIL_LOAD_RESULT,
        result,
      };
      process.send!(message, () => process.exit(0));
    },
    error => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
