/*
 * Guardrail throughput and latency: starts the finops backend as an HTTP server with
 * N capabilities, each with a budget, plus team and cost-center budgets and a week of
 * spend on SQLite, waits for the budget snapshot, then drives guardrail checks from a
 * separate process over keep-alive connections; then the same load on a trivial route
 * of the same plugin behind the same middleware and auth (Backstage's permission
 * metadata) as the baseline; then a fixed answer to the same check behind a plain
 * router, behind the router generated from openapi.yaml as the plugin has it, and
 * behind that router validating the check's query, for what the spec's checks cost a
 * check. Prints one JSON line.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs guardrailBench.ts --budgets 10000 --connections 32
 */
import { todayUtc } from '@tollgate/plugin-finops-common';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { DatabaseCostStore } from '../src/costs/store/DatabaseCostStore';
import { DatabaseBudgetStore } from '../src/budgets/DatabaseBudgetStore';
import { argument, openBenchDatabase } from './benchSupport';
import { GuardrailBenchData } from './guardrailBenchData';
import {
  GUARDRAIL_LOAD_RESULT,
  GuardrailLoadMessage,
  GuardrailLoadOptions,
  GuardrailLoadResult,
} from './guardrailLoad';
import {
  GuardrailBackend,
  startGuardrailBackend,
} from './startGuardrailBackend';
import { startSpecValidationServers } from './specValidationServers';

/** A trivial route of the finops plugin behind the same middleware and auth. */
const BASELINE_PATH = '/api/finops/.well-known/backstage/permissions/metadata';

/** Waits until the snapshot holds every budget, which the first refresh builds. */
async function waitForSnapshot(backend: GuardrailBackend, budgets: number) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await fetch(`${backend.baseUrl}/api/finops/v1/budgets`, {
      headers: { authorization: `Bearer ${backend.adminToken}` },
    });
    if (!res.ok) {
      throw new Error(
        `GET /v1/budgets: HTTP ${res.status} ${await res.text()}`,
      );
    }
    const { items } = await res.json();
    if (items.length === budgets) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`The snapshot has ${items.length} of ${budgets} budgets`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/** Runs the load generator in its own process, and the backend's CPU time per request. */
async function measureLoad(options: GuardrailLoadOptions) {
  const cpuBefore = process.cpuUsage();
  const child = fork(require.resolve('./guardrailLoad'), [
    JSON.stringify(options),
  ]);
  let result: GuardrailLoadResult | undefined;
  // The TypeScript loader sends messages of its own on the same channel.
  child.on('message', (message: GuardrailLoadMessage) => {
    if (message.type === GUARDRAIL_LOAD_RESULT) {
      result = message.result;
    }
  });
  const [code] = await once(child, 'exit');
  const cpu = process.cpuUsage(cpuBefore);
  if (code !== 0 || !result) {
    throw new Error(`The load generator exited with ${code}`);
  }
  if (result.errors > 0) {
    throw new Error(
      `${result.errors} failed requests, first: ${result.firstError}`,
    );
  }
  return {
    ...result,
    serverCpuMicrosPerRequest: Math.round(
      (cpu.user + cpu.system) / result.allRequests,
    ),
  };
}

async function main() {
  const data = new GuardrailBenchData(Number(argument('budgets', '10000')));
  const connections = Number(argument('connections', '32'));
  const seconds = Number(argument('seconds', '10'));

  const setupStarted = Date.now();
  const db = await openBenchDatabase('sqlite', 'tollgate_bench_guardrail');
  const window = data.window(todayUtc());
  await DatabaseCostStore.fromKnex(db).replaceWindow(
    'bench',
    window,
    data.spend(window),
  );
  const budgetStore = DatabaseBudgetStore.fromKnex(db);
  for (const input of data.apiBudgets()) {
    await budgetStore.create(input, 'bench');
  }
  const backend = await startGuardrailBackend({
    db,
    entities: data.entities(),
  });
  await waitForSnapshot(backend, data.budgets);
  const setupSeconds = (Date.now() - setupStarted) / 1000;

  const loadAverage = loadavg()[0];
  const options = {
    baseUrl: backend.baseUrl,
    token: backend.gatewayToken,
    entities: data.count,
    connections,
    warmupSeconds: 2,
    seconds,
  };
  const guardrail = await measureLoad(options);
  const { requestsPerSecond, latencyMs, serverCpuMicrosPerRequest } =
    await measureLoad({ ...options, baselinePath: BASELINE_PATH });
  await backend.stop();
  await db.destroy();

  // the spec's validation alone: the same fixed handler behind each router
  const servers = await startSpecValidationServers();
  const fixed = { ...options, token: 'unused' };
  const unvalidated = await measureLoad({
    ...fixed,
    baseUrl: servers.plain.baseUrl,
  });
  const plugin = await measureLoad({
    ...fixed,
    baseUrl: servers.plugin.baseUrl,
  });
  const validated = await measureLoad({
    ...fixed,
    baseUrl: servers.validator.baseUrl,
  });
  await servers.plain.stop();
  await servers.plugin.stop();
  await servers.validator.stop();
  const summary = (r: typeof validated) => ({
    requestsPerSecond: r.requestsPerSecond,
    latencyMs: r.latencyMs,
    serverCpuMicrosPerRequest: r.serverCpuMicrosPerRequest,
  });
  process.stdout.write(
    `${JSON.stringify({
      budgets: data.budgets,
      capabilities: data.count,
      connections,
      seconds,
      setupSeconds,
      loadAverage: Number(loadAverage.toFixed(2)),
      auth: 'backend-defaults auth, httpAuth and permissions; static external access token',
      ...guardrail,
      baseline: {
        path: BASELINE_PATH,
        requestsPerSecond,
        latencyMs,
        serverCpuMicrosPerRequest,
      },
      specValidation: {
        unvalidated: summary(unvalidated),
        plugin: summary(plugin),
        validated: summary(validated),
        microsPerCheck:
          plugin.serverCpuMicrosPerRequest -
          unvalidated.serverCpuMicrosPerRequest,
        validatorMicrosPerCheck:
          validated.serverCpuMicrosPerRequest -
          unvalidated.serverCpuMicrosPerRequest,
      },
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
