// Starts the demo: example FOCUS exports for the days ending today, the OpenCost
// replay of recorded allocations for the example workloads (with the Kubernetes labels
// in examples/opencost/workload-labels.json), the replay of the AI vendors' usage and
// cost APIs (the AI invoice as OpenAI, Anthropic and LiteLLM report it), the traffic
// simulator (the example capabilities as processes instrumented with OpenTelemetry,
// scraped by a Prometheus holding 90 days of their history), then the Backstage app
// (:3000) and backend (:7007). Shared by ./tollgate start and the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const REPLAY_PORT = 9003;
/** The traffic simulator's Prometheus and ledger (packages/backend/src/demo/traffic). */
export const PROMETHEUS_PORT = 9095;
/** The Prometheus of the Naftiko runtime's capabilities. */
export const NAFTIKO_PROMETHEUS_PORT = 9096;
export const LEDGER_URL = 'http://127.0.0.1:9300/ledger';
/** The replay of the AI vendors' usage and cost APIs (packages/backend/src/demo/vendors). */
export const VENDOR_REPLAY_PORT = 9302;

/** The kubernetes-ids of the example catalog's workloads. */
function exampleWorkloadIds() {
  const text = readFileSync(`${root}/examples/capabilities.yaml`, 'utf8');
  return [...text.matchAll(/backstage\.io\/kubernetes-id:\s*(\S+)/g)].map(
    m => m[1],
  );
}

function startProcess(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    detached: true,
    ...options,
  });
  return child;
}

function stopProcess(child) {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** The ports the demo listens on: app, backend, replays, Prometheus, metrics. */
function demoPorts(env) {
  const metrics = env.TOLLGATE_METRICS_PORT ?? '9464';
  return [
    3000,
    7007,
    REPLAY_PORT,
    PROMETHEUS_PORT,
    NAFTIKO_PROMETHEUS_PORT,
    9300,
    VENDOR_REPLAY_PORT,
    ...(metrics === 'off' ? [] : [metrics]),
  ];
}

/** Resolves once nothing listens on the port; rejects naming it after the timeout. */
async function waitForPortFree(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await checkPortFree(port);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}

/** Resolves when nothing listens on the port, rejects naming it otherwise. */
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', error =>
      reject(
        new Error(
          `Port ${port} is in use (${error.code}): another demo may still run; stop it first`,
        ),
      ),
    );
    server.listen(Number(port), () => server.close(() => resolve()));
  });
}

export async function startDemo({ stdio = 'inherit', env = process.env } = {}) {
  // A process that is shutting down may hold a port for some seconds yet.
  for (const port of demoPorts(env)) await waitForPortFree(port, 30_000);
  const generated = spawnSync(
    'node',
    [
      '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
      'scripts/generate-demo-focus.mjs',
      'examples/focus/generated',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (generated.status !== 0) {
    throw new Error('Could not generate the demo FOCUS exports');
  }
  const replay = startProcess(
    'node',
    [
      'plugins/finops-backend-module-opencost/replay/cli.js',
      '--port',
      String(REPLAY_PORT),
      '--cluster',
      'demo-cluster',
      '--workload-labels',
      'examples/opencost/workload-labels.json',
      '--ids',
      exampleWorkloadIds().join(','),
    ],
    { stdio, env },
  );
  const vendors = startProcess(
    'node',
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/backend/src/demo/vendors/replayMain.ts',
      String(VENDOR_REPLAY_PORT),
    ],
    { stdio, env },
  );
  const traffic = startProcess(
    'node',
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/backend/src/demo/traffic/simulatorMain.ts',
      join(tmpdir(), 'tollgate-demo-traffic'),
    ],
    { stdio, env },
  );
  // Prometheus holds the history before the backend's first ingestion asks for it.
  try {
    await waitFor(LEDGER_URL, 180_000);
  } catch (error) {
    [replay, vendors, traffic].forEach(stopProcess);
    throw error;
  }
  const backstage = startProcess('yarn', ['start'], { stdio, env });
  const children = [replay, vendors, traffic, backstage];
  const stop = () => children.forEach(stopProcess);
  return { children, stop };
}

/** Waits until a URL answers 200, or throws after the timeout. */
export async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${url} did not answer within ${Math.round(timeoutMs / 1000)} s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
