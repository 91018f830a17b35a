/*
 * Scorecard evaluation over a large catalog: stores 90 days of spend and usage metrics
 * of N components through the cost store, as ingestion does (see ScoringBenchData),
 * builds the budget snapshot, then times ScorecardEvaluator.evaluate with the demo
 * scorecard of app-config.yaml, storing the results included. Prints one JSON line.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs scoringBench.ts --db pg --entities 10000
 */
import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { BudgetEvaluator } from '../src/budgets/BudgetEvaluator';
import { DatabaseBudgetStore } from '../src/budgets/DatabaseBudgetStore';
import { DatabaseCostStore } from '../src/costs/store/DatabaseCostStore';
import { DatabaseScorecardStore } from '../src/scorecards/DatabaseScorecardStore';
import { ScorecardEvaluator } from '../src/scorecards/ScorecardEvaluator';
import { builtInScorecardMetrics } from '../src/scorecards/metrics';
import {
  BenchDatabase,
  argument,
  openBenchDatabase,
  quietLogger,
} from './benchSupport';
import { readDemoScorecards } from '../src/scorecards/__testUtils__/readDemoScorecards';
import { SCORING_BENCH_SOURCES, ScoringBenchData } from './scoringBenchData';

const DAYS = 90;
/** Days per stored window, as a source's backfill stores them. */
const WINDOW_DAYS = 30;

async function main() {
  const kind = argument('db', 'sqlite') as BenchDatabase;
  const entities = Number(argument('entities', '10000'));
  const data = new ScoringBenchData(entities, todayUtc());
  const db = await openBenchDatabase(kind, 'tollgate_bench_scoring');
  const costStore = DatabaseCostStore.fromKnex(db);

  const setupStarted = Date.now();
  const stored = { records: 0, metrics: 0 };
  const all = data.window(DAYS);
  for (const source of SCORING_BENCH_SOURCES) {
    for (let from = all.from; from <= all.to; ) {
      const to = addDays(from, WINDOW_DAYS - 1);
      const window = { from, to: to < all.to ? to : all.to };
      const counts = await costStore.replaceWindow(
        source,
        window,
        data.items(source, window),
      );
      stored.records += counts.records;
      stored.metrics += counts.metrics;
      from = addDays(to, 1);
    }
  }
  // Vacuumed and analyzed, as autovacuum leaves tables that have settled; it
  // would otherwise start on the new rows during the measurement.
  if (kind === 'pg') await db.raw('VACUUM ANALYZE');
  const budgetStore = DatabaseBudgetStore.fromKnex(db);
  for (const input of data.apiBudgets()) {
    await budgetStore.create(input, 'bench');
  }
  const setupSeconds = (Date.now() - setupStarted) / 1000;

  const catalog = data.entities();
  const snapshot = await new BudgetEvaluator({
    costStore,
    budgetStore,
    loadEntities: async () => catalog,
  }).evaluate();
  const definitions = readDemoScorecards();
  const scorecardStore = DatabaseScorecardStore.fromKnex(db);
  let saveSeconds = 0;
  // Each call of the cost store is one query.
  let queries = 0;
  const countingStore = new Proxy(costStore, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        queries += 1;
        return value.apply(target, args);
      };
    },
  });
  const evaluator = new ScorecardEvaluator({
    definitions: () => definitions,
    metrics: builtInScorecardMetrics({ anomalyMinIncreaseMicros: 1_000_000n }),
    costStore: countingStore,
    store: {
      save: async (results, evaluatedAt) => {
        const saveStarted = process.hrtime.bigint();
        await scorecardStore.save(results, evaluatedAt);
        saveSeconds = Number(process.hrtime.bigint() - saveStarted) / 1e9;
      },
      latestDay: () => scorecardStore.latestDay(),
      entityHistory: (ref, from) => scorecardStore.entityHistory(ref, from),
      day: day => scorecardStore.day(day),
    },
    currency: 'USD',
    logger: quietLogger,
  });
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const started = process.hrtime.bigint();
  const results = await evaluator.evaluate(snapshot);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const file = kind === 'sqlite' ? db.client.config.connection.filename : '';
  await db.destroy();
  // The SQLite file holds gigabytes; the PostgreSQL database is dropped by the next run.
  if (file) rmSync(dirname(file), { recursive: true, force: true });

  const checks = results.flatMap(r => r.result.checks);
  process.stdout.write(
    `${JSON.stringify({
      db: kind,
      entities,
      storedRecords: stored.records,
      storedMetrics: stored.metrics,
      setupSeconds,
      scorecards: results.length,
      checks: checks.length,
      applicableChecks: checks.filter(c => c.status !== 'notApplicable').length,
      costQueries: queries,
      seconds: Number(seconds.toFixed(2)),
      saveSeconds: Number(saveSeconds.toFixed(2)),
      peakRssMb: Math.round(peakRssMb),
      rssBeforeMb: Math.round(rssBeforeMb),
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
