/*
 * One ingest measurement, run in its own process so that its peak memory is its own:
 * N FOCUS records through the real path (CSV file → FocusCostSource → CostSourceRunner
 * → DatabaseCostStore with rollups) into a fresh database, then the same N rows as
 * plain batched inserts into another fresh database as the baseline; each several
 * times, as this machine's speed swings from one second to the next. Prints one JSON
 * line: the medians, every time measured, the first ingestion's peak memory, and
 * the stored totals (overall and per entity) to compare with another engine's; with
 * --keep-file, the file's path, left for that engine to read.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs ingestBench.ts --db sqlite --records 1000000 [--rounds 5] [--keep-file]
 */
import { ConfigReader } from '@backstage/config';
import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
// The benchmark is never built into the plugin; the FOCUS module is a dev dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { FocusCostSource } from '@tollgate/plugin-finops-backend-module-focus';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Knex } from 'knex';
import { DatabaseCostStore } from '../src/costs/store/DatabaseCostStore';
import { DatabaseSourceRunStore } from '../src/sources/DatabaseSourceRunStore';
import { insertRowsInBatches } from '../src/database/insertRows';
import { COST_COLUMNS } from '../src/costs/store/WindowWriter';
import { CostSourceRunner } from '../src/sources/CostSourceRunner';
import { ConfigPriceBook } from '../src/pricing/ConfigPriceBook';
import {
  BenchDatabase,
  argument,
  openBenchDatabase,
  percentile,
  quietLogger,
} from './benchSupport';
import { writeBenchFocusFile } from './writeBenchFocusFile';

const DAYS = 30;
const ENTITIES = 500;

async function main() {
  const kind = argument('db', 'sqlite') as BenchDatabase;
  const records = Number(argument('records', '1000000'));
  const rounds = Number(argument('rounds', '5'));
  const keepFile = process.argv.includes('--keep-file');
  const firstDay = addDays(todayUtc(), -DAYS);
  const window = { from: firstDay, to: addDays(firstDay, DAYS - 1) };
  const file = join(
    mkdtempSync(join(tmpdir(), 'tollgate-focus-')),
    'bench.csv',
  );
  const expectedMicros = await writeBenchFocusFile({
    path: file,
    records,
    days: DAYS,
    entities: ENTITIES,
    firstDay,
  });

  // Every ingestion first, then every baseline: the rows the baseline holds in memory
  // would make an ingestion's garbage collection slower.
  const ingestSeconds: number[] = [];
  let firstRound:
    | { peakRssMb: number; memoryBefore: number; stored: StoredTotals }
    | undefined;
  let rows: unknown[][] = [];
  for (let round = 0; round < rounds; round++) {
    const db = await openBenchDatabase(kind, 'tollgate_bench_ingest');
    const memoryBefore = process.memoryUsage().rss;
    ingestSeconds.push(await ingest(db, file, window));
    const stored = await storedTotals(db);
    if (stored.billed !== expectedMicros) {
      throw new Error(
        `Stored ${stored.billed} micros, expected ${expectedMicros}`,
      );
    }
    firstRound ??= {
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      memoryBefore,
      stored,
    };
    if (round === rounds - 1) {
      rows = await db('finops_cost_records')
        .select(...COST_COLUMNS)
        .then(all => all.map(row => COST_COLUMNS.map(column => row[column])));
    }
    await db.destroy();
  }
  const baselineSeconds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    baselineSeconds.push(await insertBaseline(kind, rows));
  }
  if (!keepFile) {
    rmSync(dirname(file), { recursive: true, force: true });
  }

  const ingestMedian = percentile(ingestSeconds, 0.5);
  const baselineMedian = percentile(baselineSeconds, 0.5);
  const { peakRssMb, memoryBefore, stored } = firstRound!;
  process.stdout.write(
    `${JSON.stringify({
      db: kind,
      records,
      rounds,
      ingestPerSecond: Math.round(records / ingestMedian),
      baselinePerSecond: Math.round(records / baselineMedian),
      ratio: Number((ingestMedian / baselineMedian).toFixed(2)),
      ingestSeconds: ingestSeconds.map(seconds => Number(seconds.toFixed(2))),
      baselineSeconds: baselineSeconds.map(seconds =>
        Number(seconds.toFixed(2)),
      ),
      peakRssMb: Math.round(peakRssMb),
      rssBeforeMb: Math.round(memoryBefore / 1024 / 1024),
      billedMicros: String(stored.billed),
      entityBilledMicros: stored.byEntity,
      ...(keepFile ? { file } : {}),
    })}\n`,
  );
}

/** Ingests the file through the real path into a fresh database; answers the seconds. */
async function ingest(
  db: Knex,
  file: string,
  window: { from: string; to: string },
): Promise<number> {
  const runner = new CostSourceRunner({
    costStore: DatabaseCostStore.fromKnex(db),
    runStore: DatabaseSourceRunStore.fromKnex(db),
    logger: quietLogger,
    priceBook: ConfigPriceBook.fromConfig(new ConfigReader({})),
    loadEntities: async () =>
      Array.from({ length: ENTITIES }, (_, i) => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `capability-${i}`, namespace: 'default' },
        spec: { type: 'capability', owner: 'group:default/bench' },
      })),
  });
  const source = FocusCostSource.fromConfig(
    new ConfigReader({
      id: 'bench',
      paths: [file],
      entityTagKey: 'backstage-entity',
      windowDays: DAYS,
    }),
  );
  const started = process.hrtime.bigint();
  const run = await runner.run(source, window, 'manual');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 'succeeded') {
    throw new Error(`Ingestion failed: ${run.error}`);
  }
  return seconds;
}

interface StoredTotals {
  billed: bigint;
  byEntity: Record<string, string>;
}

/** What the rollups hold, overall and per entity, to compare with another engine's. */
async function storedTotals(db: Knex): Promise<StoredTotals> {
  const [{ billed }] = await db('finops_daily_costs').sum({
    billed: 'billed_cost',
  });
  const perEntity: Array<{ entity_ref: string | null; billed: unknown }> =
    await db('finops_daily_costs')
      .select('entity_ref')
      .sum({ billed: 'billed_cost' })
      .groupBy('entity_ref');
  return {
    billed: BigInt(billed),
    byEntity: Object.fromEntries(
      perEntity.map(row => [
        row.entity_ref ?? '',
        String(BigInt(row.billed as string)),
      ]),
    ),
  };
}

/**
 * The baseline: the same rows, already parsed, as plain batched inserts into a fresh
 * database, as the ingestion had; answers the seconds.
 */
async function insertBaseline(
  kind: BenchDatabase,
  rows: unknown[][],
): Promise<number> {
  const db = await openBenchDatabase(kind, 'tollgate_bench_baseline');
  const started = process.hrtime.bigint();
  await db.transaction(trx =>
    insertRowsInBatches(trx, 'finops_cost_records', COST_COLUMNS, rows),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await db.destroy();
  return seconds;
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
