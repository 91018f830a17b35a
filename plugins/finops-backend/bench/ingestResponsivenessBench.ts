/*
 * The guardrail while a large FOCUS export is ingested: starts the finops backend as
 * an HTTP server with budgeted capabilities and a FOCUS source reading a file of N
 * rows, measures guardrail checks from a separate process first with nothing else
 * running (the baseline), then while a manual run of the source ingests the file, and
 * the longest stall of the backend's event loop during the run. Prints one JSON line.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs ingestResponsivenessBench.ts --db sqlite --records 300000
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
// The benchmark is never built into the plugin; the FOCUS module is a dev dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { FocusCostSource } from '@tollgate/plugin-finops-backend-module-focus';
import { finopsCostSourcesExtensionPoint } from '@tollgate/plugin-finops-node';
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DatabaseCostStore } from '../src/costs/store/DatabaseCostStore';
import { DatabaseBudgetStore } from '../src/budgets/DatabaseBudgetStore';
import { BenchDatabase, argument, openBenchDatabase } from './benchSupport';
import { GuardrailBenchData } from './guardrailBenchData';
import {
  GUARDRAIL_LOAD_RESULT,
  GUARDRAIL_LOAD_STOP,
  GuardrailLoadMessage,
  GuardrailLoadOptions,
  GuardrailLoadResult,
} from './guardrailLoad';
import { startGuardrailBackend } from './startGuardrailBackend';
import { writeBenchFocusFile } from './writeBenchFocusFile';

const DAYS = 30;
const SOURCE_ID = 'focus:bench';

/** Starts the load generator; `stop` ends it and answers its result. */
function startLoad(options: GuardrailLoadOptions) {
  const child = fork(require.resolve('./guardrailLoad'), [
    JSON.stringify(options),
  ]);
  const result = new Promise<GuardrailLoadResult>((resolve, reject) => {
    // The TypeScript loader sends messages of its own on the same channel.
    child.on('message', (message: GuardrailLoadMessage) => {
      if (message.type === GUARDRAIL_LOAD_RESULT && message.result) {
        resolve(message.result);
      }
    });
    child.on('exit', code =>
      reject(new Error(`The load generator exited with ${code}`)),
    );
  });
  return {
    stop: () => {
      child.send({ type: GUARDRAIL_LOAD_STOP });
      return result;
    },
    result,
  };
}

function checked(result: GuardrailLoadResult) {
  if (result.errors > 0) {
    throw new Error(
      `${result.errors} failed requests, first: ${result.firstError}`,
    );
  }
  const { requests, requestsPerSecond, latencyMs } = result;
  return { requests, requestsPerSecond, latencyMs };
}

async function main() {
  const kind = argument('db', 'sqlite') as BenchDatabase;
  const records = Number(argument('records', '300000'));
  const connections = Number(argument('connections', '4'));
  const data = new GuardrailBenchData(Number(argument('budgets', '1000')));

  const firstDay = addDays(todayUtc(), -DAYS);
  const file = join(
    mkdtempSync(join(tmpdir(), 'tollgate-focus-')),
    'bench.csv',
  );
  await writeBenchFocusFile({
    path: file,
    records,
    days: DAYS,
    entities: data.count,
    firstDay,
  });
  const db = await openBenchDatabase(kind, 'tollgate_bench_responsiveness');
  const spendWindow = data.window(todayUtc());
  await DatabaseCostStore.fromKnex(db).replaceWindow(
    'bench',
    spendWindow,
    data.spend(spendWindow),
  );
  const budgetStore = DatabaseBudgetStore.fromKnex(db);
  for (const input of data.apiBudgets()) {
    await budgetStore.create(input, 'bench');
  }
  const source = FocusCostSource.fromConfig(
    new ConfigReader({
      id: 'bench',
      paths: [file],
      entityTagKey: 'backstage-entity',
      windowDays: DAYS,
      // runs only when the benchmark asks
      schedule: {
        frequency: { hours: 24 },
        initialDelay: { hours: 24 },
        timeout: { hours: 1 },
      },
    }),
  );
  const backend = await startGuardrailBackend({
    db,
    entities: data.entities(),
    tollgate: { ingestion: { manualRunTimeoutSeconds: 3600 } },
    features: [
      createBackendModule({
        pluginId: 'finops',
        moduleId: 'bench-focus',
        register(env) {
          env.registerInit({
            deps: { sources: finopsCostSourcesExtensionPoint },
            async init({ sources }) {
              sources.addCostSource(source);
            },
          });
        },
      }),
    ],
  });
  const options: GuardrailLoadOptions = {
    baseUrl: backend.baseUrl,
    token: backend.gatewayToken,
    entities: data.count,
    connections,
    warmupSeconds: 1,
    seconds: 5,
  };
  // warms the snapshot and the routes, then the baseline with nothing else running
  await startLoad({ ...options, seconds: 2 }).result;
  const idle = checked(await startLoad(options).result);

  const load = startLoad({ ...options, untilStopped: true });
  await new Promise(resolve => setTimeout(resolve, 1500));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const response = await fetch(
    `${
      backend.baseUrl
    }/api/finops/v1/sources/${SOURCE_ID}/run?from=${firstDay}&to=${addDays(
      firstDay,
      DAYS - 1,
    )}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${backend.adminToken}` },
    },
  );
  const ingestSeconds = (performance.now() - started) / 1000;
  loop.disable();
  const run = await response.json();
  const during = checked(await load.stop());
  await backend.stop();
  await db.destroy();
  if (run.status !== 'succeeded') {
    throw new Error(`The run did not succeed: ${JSON.stringify(run)}`);
  }
  process.stdout.write(
    `${JSON.stringify({
      db: kind,
      records,
      connections,
      ingestSeconds: Number(ingestSeconds.toFixed(2)),
      ingestPerSecond: Math.round(records / ingestSeconds),
      eventLoopMaxStallMs: Math.round(loop.max / 1e6),
      eventLoopP99Ms: Number((loop.percentile(99) / 1e6).toFixed(1)),
      idle,
      duringIngest: during,
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
