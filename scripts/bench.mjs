#!/usr/bin/env node
// Benchmarks (not part of the tests). Each measurement runs in its own process and
// prints one JSON line; this script prints them as a table.
//
//   ./tollgate bench [--only ingest,query,responsiveness,guardrail,metering,scoring]
//     [--records 1000000]
//     [--stored 10000000] [--db sqlite,pg] [--budgets 10000] [--connections 32]
//     [--entities 10000]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const records = option('records', '1000000');
const stored = option('stored', '10000000');
const databases = option('db', 'sqlite,pg').split(',');
const budgets = option('budgets', '10000');
const connections = option('connections', '32');
const entities = option('entities', '10000');
const only = option(
  'only',
  'ingest,query,responsiveness,guardrail,metering,scoring',
).split(',');

/** Runs a command and answers the last JSON line it prints. */
function run(commandArgs, name) {
  const result = spawnSync('node', commandArgs, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    console.error(`${name} failed`);
    process.exit(1);
  }
  // the last JSON line: a pool closing may still log after it
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines.filter(line => line.startsWith('{')).pop());
}

function measure(script, scriptArgs) {
  return run(
    [
      '--max-old-space-size=8192',
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      `plugins/finops-backend/bench/${script}`,
      ...scriptArgs,
    ],
    `${script} ${scriptArgs.join(' ')}`,
  );
}

/** Times DuckDB reads the file, as often as Tollgate ingests it. */
const DUCKDB_ROUNDS = 5;

/**
 * DuckDB on one thread on the same FOCUS file, its median rate of several runs;
 * exits unless its totals are Tollgate's.
 */
function measureDuckDb(ingest) {
  const runs = Array.from({ length: DUCKDB_ROUNDS }, () =>
    run(
      [
        'scripts/duckdbIngestBench.mjs',
        '--file',
        ingest.file,
        '--threads',
        '1',
      ],
      'duckdbIngestBench.mjs',
    ),
  );
  rmSync(dirname(ingest.file), { recursive: true, force: true });
  const rates = runs.map(r => r.perSecond).sort((a, b) => a - b);
  const duckdb = { ...runs[0], perSecond: rates[Math.floor(rates.length / 2)] };
  const entities = Object.keys(ingest.entityBilledMicros);
  const sameEntities =
    entities.length === Object.keys(duckdb.entityBilledMicros).length &&
    entities.every(
      e => ingest.entityBilledMicros[e] === duckdb.entityBilledMicros[e],
    );
  if (
    duckdb.records !== ingest.records ||
    duckdb.billedMicros !== ingest.billedMicros ||
    !sameEntities
  ) {
    console.error(
      `DuckDB stored ${duckdb.records} rows billing ${duckdb.billedMicros} micros; ` +
        `Tollgate ${ingest.billedMicros} micros` +
        (sameEntities ? '' : ', and the totals per entity differ'),
    );
    process.exit(1);
  }
  return duckdb;
}

console.log(`Tollgate benchmark on ${new Date().toISOString()}`);
for (const db of databases) {
  if (only.includes('ingest')) {
    const small = measure('ingestBench.ts', [
      '--db',
      db,
      '--records',
      String(Number(records) / 4),
      '--rounds',
      '1',
    ]);
    const ingest = measure('ingestBench.ts', [
      '--db',
      db,
      '--records',
      records,
      '--keep-file',
    ]);
    const duckdb = measureDuckDb(ingest);
    console.log(
      `${db}: FOCUS ingest of ${ingest.records} records: ${ingest.ingestPerSecond} records/s; ` +
        `raw batched inserts ${ingest.baselinePerSecond} records/s; ratio ${ingest.ratio}x ` +
        `(medians of ${ingest.rounds}: ingestion ${ingest.ingestSeconds.join(
          ', ',
        )} s, ` +
        `raw inserts ${ingest.baselineSeconds.join(', ')} s); ` +
        `DuckDB (1 thread, median of ${DUCKDB_ROUNDS}) on the same file ${duckdb.perSecond} records/s, ` +
        `Tollgate at ${(ingest.ingestPerSecond / duckdb.perSecond).toFixed(
          2,
        )}x of it, ` +
        `same totals to the micro-unit (${ingest.billedMicros}); ` +
        `peak RSS ${ingest.peakRssMb} MB (${small.peakRssMb} MB for ${small.records} records)`,
    );
  }
  if (only.includes('query')) {
    const query = measure('queryBench.ts', ['--db', db, '--stored', stored]);
    console.log(
      `${db}: ${query.stored} stored records (${query.rollupRows} daily and ${query.summaryRows} summary rollup rows, filled in ${query.fillSeconds} s): ` +
        `entity cost p50 ${query.entityCostMs.p50} ms, p95 ${query.entityCostMs.p95} ms; ` +
        `org summary p50 ${query.orgSummaryMs.p50} ms, p95 ${query.orgSummaryMs.p95} ms`,
    );
  }
  if (only.includes('responsiveness')) {
    const r = measure('ingestResponsivenessBench.ts', [
      '--db',
      db,
      '--records',
      option('responsiveness-records', '300000'),
    ]);
    const during = r.duringIngest.latencyMs;
    console.log(
      `${db}: guardrail while ${r.records} FOCUS rows are ingested (${r.ingestSeconds} s): ` +
        `p50 ${during.p50} ms, p99 ${during.p99} ms, max ${during.max} ms (target p99 < 50 ms); ` +
        `with nothing else running p99 ${r.idle.latencyMs.p99} ms; longest event-loop stall ${r.eventLoopMaxStallMs} ms`,
    );
  }
  if (only.includes('scoring')) {
    const scoring = measure('scoringBench.ts', [
      '--db',
      db,
      '--entities',
      entities,
    ]);
    console.log(
      `${db}: scoring ${scoring.entities} entities over ${scoring.storedRecords} cost records and ` +
        `${scoring.storedMetrics} usage metrics: ${scoring.checks} checks in ${scoring.seconds} s ` +
        `(storing the results ${scoring.saveSeconds} s of it; ${scoring.costQueries} cost queries); ` +
        `peak RSS ${scoring.peakRssMb} MB (target < 10 s)`,
    );
  }
}
if (only.includes('metering')) {
  for (const db of databases) {
    const m = measure('meteringBench.ts', ['--db', db]);
    console.log(
      `${db}, ${m.replicas} backend${
        m.replicas > 1 ? 's' : ''
      }: usage reports of 100 events ${m.usageEventsPerSecond} events/s ` +
        `(report p50 ${m.usageReportMs.p50} ms, p99 ${m.usageReportMs.p99} ms; target ≥ 20,000 events/s); ` +
        `reserve-and-commit ${m.pairsPerSecond} pairs/s, p50 ${m.pairMs.p50} ms, p99 ${m.pairMs.p99} ms ` +
        `(target ≥ 1,000 pairs/s, p99 < 25 ms); plain check ${m.checksPerSecond} requests/s, p99 ${m.checkMs.p99} ms; ` +
        `a reported event in the guardrail's snapshot after ${m.visibleToGuardrailMs} ms (target < 1 s)`,
    );
  }
}
if (only.includes('guardrail')) {
  const guardrail = measure('guardrailBench.ts', [
    '--budgets',
    budgets,
    '--connections',
    connections,
  ]);
  const { p50, p99 } = guardrail.latencyMs;
  const decisions = Object.entries(guardrail.decisions)
    .map(([decision, count]) => `${decision} ${count}`)
    .join(', ');
  console.log(
    `guardrail: ${guardrail.budgets} budgets, ${guardrail.connections} connections: ` +
      `${guardrail.requestsPerSecond} requests/s, p50 ${p50} ms, p99 ${p99} ms ` +
      `(target ≥ 5000 requests/s, p99 < 10 ms)`,
  );
  const { baseline } = guardrail;
  console.log(
    `  ${guardrail.requests} checks in ${guardrail.seconds} s (${decisions}; ${guardrail.errors} errors); ` +
      `server CPU ${guardrail.serverCpuMicrosPerRequest} µs per check; load average ${guardrail.loadAverage}`,
  );
  console.log(
    `  baseline, a trivial route of the same backend behind the same auth (${baseline.path}): ` +
      `${baseline.requestsPerSecond} requests/s, p50 ${baseline.latencyMs.p50} ms, p99 ${baseline.latencyMs.p99} ms, ` +
      `server CPU ${baseline.serverCpuMicrosPerRequest} µs per request`,
  );
  const { specValidation: v } = guardrail;
  const share = micros =>
    ((100 * micros) / guardrail.serverCpuMicrosPerRequest).toFixed(1);
  const figures = r =>
    `${r.requestsPerSecond} requests/s, p99 ${r.latencyMs.p99} ms, ${r.serverCpuMicrosPerRequest} µs`;
  console.log(
    `  the spec's check of the query, as the route makes it: ${v.microsPerCheck} µs of server CPU per check, ` +
      `${share(
        v.microsPerCheck,
      )} % of a check (target ≤ 10 %); by the spec's validator it would be ` +
      `${v.validatorMicrosPerCheck} µs, ${share(v.validatorMicrosPerCheck)} %`,
  );
  console.log(
    `  a fixed answer behind a plain router: ${figures(
      v.unvalidated,
    )}; behind the generated router as the plugin has it: ` +
      `${figures(v.plugin)}; validating the query: ${figures(v.validated)}`,
  );
}
