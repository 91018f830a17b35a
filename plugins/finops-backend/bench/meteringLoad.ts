/*
 * The metering benchmark's load generator, run in its own process: `connections`
 * keep-alive connections each send, one after another, either usage reports of
 * `batch` events with unique ids (`usage`) or a reservation and its commit (`pairs`),
 * spread over the given backends, for `seconds`. Sends its result to the parent.
 */
import http from 'node:http';
import { percentile } from './benchSupport';

export interface MeteringLoadOptions {
  mode: 'usage' | 'pairs';
  baseUrls: string[];
  token: string;
  /** Capabilities 0 to entities - 1 spend. */
  entities: number;
  connections: number;
  batch: number;
  seconds: number;
}

export interface MeteringLoadResult {
  operations: number;
  operationsPerSecond: number;
  /** Events per second for `usage`, reserve-and-commit pairs per second for `pairs`. */
  latencyMs: { p50: number; p99: number; max: number };
  denials: number;
  errors: number;
  firstError?: string;
}

export const METERING_LOAD_RESULT = 'tollgate-metering-load-result';

function post(agent: http.Agent, url: string, token: string, body: unknown) {
  const text = JSON.stringify(body);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        },
      },
      res => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', chunk => {
          answer += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: answer }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

export async function runMeteringLoad(
  options: MeteringLoadOptions,
): Promise<MeteringLoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
  });
  const end = performance.now() + options.seconds * 1000;
  const latencies: number[] = [];
  let operations = 0;
  let denials = 0;
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const fail = (message: string): void => {
    errors += 1;
    firstError ??= message;
  };
  const entityRef = () =>
    `component:default/capability-${Math.floor(
      Math.random() * options.entities,
    )}`;

  async function usage(baseUrl: string) {
    const events = Array.from({ length: options.batch }, () => ({
      id: `bench-${process.pid}-${next++}`,
      timestamp: new Date().toISOString(),
      entityRef: entityRef(),
      provider: 'openai',
      model: 'gpt-4o',
      tokens: { input: 1000, output: 200, cacheRead: 300 },
    }));
    const answer = await post(
      agent,
      `${baseUrl}/api/finops/v1/usage`,
      options.token,
      {
        events,
      },
    );
    if (answer.status !== 200) {
      fail(`HTTP ${answer.status}: ${answer.body}`);
      return;
    }
    operations += options.batch;
  }

  async function pair(baseUrl: string, other: string) {
    const reserved = await post(
      agent,
      `${baseUrl}/api/finops/v1/guardrails/reservations`,
      options.token,
      { entityRef: entityRef(), estimatedCost: '0.01' },
    );
    if (reserved.status !== 200) {
      fail(`HTTP ${reserved.status}: ${reserved.body}`);
      return;
    }
    const answer = JSON.parse(reserved.body);
    if (answer.decision === 'deny') {
      denials += 1;
      return;
    }
    const committed = await post(
      agent,
      `${other}/api/finops/v1/guardrails/reservations/${answer.reservationId}/commit`,
      options.token,
      { cost: { amount: '0.008', currency: 'USD' } },
    );
    if (committed.status !== 200) {
      fail(`HTTP ${committed.status}: ${committed.body}`);
      return;
    }
    operations += 1;
  }

  async function connection(n: number) {
    let round = n;
    while (performance.now() < end) {
      const started = performance.now();
      const here = options.baseUrls[round % options.baseUrls.length];
      const there = options.baseUrls[(round + 1) % options.baseUrls.length];
      round += 1;
      try {
        await (options.mode === 'usage' ? usage(here) : pair(here, there));
      } catch (error) {
        fail(String(error));
      }
      latencies.push(performance.now() - started);
    }
  }

  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, (_, n) => connection(n)),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const ms = (share: number) => Number(percentile(latencies, share).toFixed(2));
  return {
    operations,
    operationsPerSecond: Math.round(operations / seconds),
    latencyMs: { p50: ms(0.5), p99: ms(0.99), max: ms(1) },
    denials,
    errors,
    ...(firstError ? { firstError } : {}),
  };
}

if (require.main === module) {
  runMeteringLoad(JSON.parse(process.argv[2])).then(
    result =>
      process.send!({ type: METERING_LOAD_RESULT, result }, () =>
        process.exit(0),
      ),
    error => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
