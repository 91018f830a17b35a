/*
 * Metering throughput and latency: starts one finops backend on SQLite, or two on one
 * PostgreSQL database (two plugin instances in this process, each with its own
 * connection pool, so that reservations meet in the database), with the guardrail
 * benchmark's capabilities and budgets; then from a separate process measures usage
 * reports of 100 events, reserve-and-commit pairs spread over the backends, and the plain
 * guardrail check as the baseline, and how long a reported event takes to reach the
 * guardrail's snapshot. Prints one JSON line.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs meteringBench.ts --db pg --replicas 2
 */
import { todayUtc } from '@tollgate/plugin-finops-common';
import { fork } from 'node:child_process';
import knexFactory, { Knex } from 'knex';
import { DatabaseBudgetStore } from '../src/budgets/DatabaseBudgetStore';
import { BenchDatabase, argument, openBenchDatabase } from './benchSupport';
import { GuardrailBenchData } from './guardrailBenchData';
import { GUARDRAIL_LOAD_RESULT, GuardrailLoadResult } from './guardrailLoad';
import {
  METERING_LOAD_RESULT,
  MeteringLoadOptions,
  MeteringLoadResult,
} from './meteringLoad';
import {
  GuardrailBackend,
  startGuardrailBackend,
} from './startGuardrailBackend';

const DATABASE = 'tollgate_bench_metering';

/** Another connection pool to the benchmark's PostgreSQL database. */
function secondPool(): Knex {
  const url = new URL(
    process.env.TOLLGATE_BENCH_POSTGRES ??
      'postgresql://postgres@127.0.0.1:5432',
  );
  url.pathname = `/${DATABASE}`;
  return knexFactory({ client: 'pg', connection: url.href });
}

function runChild<T>(
  script: string,
  type: string,
  options: object,
): Promise<T> {
  const child = fork(require.resolve(script), [JSON.stringify(options)]);
  return new Promise<T>((resolve, reject) => {
    child.on('message', (message: { type: string; result?: T }) => {
      if (message.type === type && message.result) resolve(message.result);
    });
    child.on('exit', code =>
      reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

async function get(backend: GuardrailBackend, path: string) {
  const response = await fetch(`${backend.baseUrl}/api/finops${path}`, {
    headers: { authorization: `Bearer ${backend.adminToken}` },
  });
  return response.json();
}

/** Milliseconds from a usage report's answer until the budget snapshot counts it. */
async function timeToGuardrail(backend: GuardrailBackend): Promise<number> {
  const path = '/v1/entities/component/default/capability-1/budget';
  const before = (await get(backend, path)).own?.spent;
  await fetch(`${backend.baseUrl}/api/finops/v1/usage`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${backend.adminToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      events: [
        {
          id: `visibility-${Date.now()}`,
          timestamp: new Date().toISOString(),
          entityRef: 'component:default/capability-1',
          cost: { amount: '1.00', currency: 'USD' },
        },
      ],
    }),
  });
  const started = performance.now();
  for (;;) {
    if ((await get(backend, path)).own?.spent !== before) {
      return Math.round(performance.now() - started);
    }
    if (performance.now() - started > 30_000) return Infinity;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

async function main() {
  const kind = argument('db', 'sqlite') as BenchDatabase;
  const replicas = Number(argument('replicas', kind === 'pg' ? '2' : '1'));
  const seconds = Number(argument('seconds', '5'));
  const connections = Number(argument('connections', '16'));
  const data = new GuardrailBenchData(Number(argument('entities', '1000')));

  const db = await openBenchDatabase(kind, DATABASE);
  const budgetStore = DatabaseBudgetStore.fromKnex(db);
  for (const input of data.apiBudgets()) {
    await budgetStore.create(input, 'bench');
  }
  const pools = [db, ...Array.from({ length: replicas - 1 }, secondPool)];
  const backends: GuardrailBackend[] = [];
  for (const pool of pools) {
    backends.push(
      await startGuardrailBackend({
        db: pool,
        entities: data.entities(),
        tokens: backends[0],
      }),
    );
  }
  for (const backend of backends) {
    for (let i = 0; i < 600; i++) {
      const { items } = await get(backend, '/v1/budgets');
      if (items?.length === data.budgets) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
  const load = (mode: MeteringLoadOptions['mode']) =>
    runChild<MeteringLoadResult>('./meteringLoad', METERING_LOAD_RESULT, {
      mode,
      baseUrls: backends.map(b => b.baseUrl),
      token: backends[0].adminToken,
      entities: data.count,
      connections,
      batch: 100,
      seconds,
    });
  const usage = await load('usage');
  const pairs = await load('pairs');
  const check = await runChild<GuardrailLoadResult>(
    './guardrailLoad',
    GUARDRAIL_LOAD_RESULT,
    {
      baseUrl: backends[0].baseUrl,
      token: backends[0].gatewayToken,
      entities: data.count,
      connections,
      warmupSeconds: 1,
      seconds,
    },
  );
  const visibleMs = await timeToGuardrail(backends[0]);
  for (const backend of backends) await backend.stop();
  for (const pool of pools) await pool.destroy();
  for (const result of [usage, pairs]) {
    if (result.errors > 0) {
      throw new Error(
        `${result.errors} failed requests, first: ${result.firstError}`,
      );
    }
  }
  process.stdout.write(
    `${JSON.stringify({
      db: kind,
      replicas,
      connections,
      seconds,
      day: todayUtc(),
      usageEventsPerSecond: usage.operationsPerSecond,
      usageReportMs: usage.latencyMs,
      pairsPerSecond: pairs.operationsPerSecond,
      pairMs: pairs.latencyMs,
      pairDenials: pairs.denials,
      checksPerSecond: check.requestsPerSecond,
      checkMs: check.latencyMs,
      visibleToGuardrailMs: visibleMs,
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
