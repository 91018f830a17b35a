/*
 * One ingest measurement, run in its own process so that its peak memory is its own:
 * N FOCUS records through the real path (CSV file → FocusCostSource → CostSourceRunner
 * → DatabaseCostStore with rollups), then the same N rows as plain batched inserts into
 * the same table as the baseline. Prints one JSON line, with the stored totals (overall
 * and per entity) to compare with another engine's; with --keep-file, the file's path,
 * left for that engine to read.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs ingestBench.ts --db sqlite --records 1000000 [--keep-file]
 */
import { ConfigReader } from '@backstage/config';
import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
// The benchmark is never built into the plugin; the FOCUS module is a dev dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { FocusCostSource } from '@tollgate/plugin-finops-backend-module-focus';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseCostStore } from '../src/costs/store/DatabaseCostStore';
import { DatabaseSourceRunStore } from '../src/sources/DatabaseSourceRunStore';
import { insertRows } from '../src/database/insertRows';
import { BATCH_SIZE, COST_COLUMNS } from '../src/costs/store/WindowWriter';
import { CostSourceRunner } from '../src/sources/CostSourceRunner';
import { ConfigPriceBook } from '../src/pricing/ConfigPriceBook';
import {
  BenchDatabase,
  argument,
  openBenchDatabase,
  quietLogger,
} from './benchSupport';
import { writeBenchFocusFile } from './writeBenchFocusFile';

const DAYS = 30;
const ENTITIES = 500;

async function main() {
  const kind = argument('db', 'sqlite') as BenchDatabase;
  const records = Number(argument('records', '1000000'));
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

  const db = await openBenchDatabase(kind, 'tollgate_bench_ingest');
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

  const memoryBefore = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const run = await runner.run(source, window, 'manual');
  const ingestSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 'succeeded') {
    throw new Error(`Ingestion failed: ${run.error}`);
  }
  const [{ billed }] = await db('finops_daily_costs').sum({
    billed: 'billed_cost',
  });
  if (BigInt(billed) !== expectedMicros) {
    throw new Error(`Stored ${billed} micros, expected ${expectedMicros}`);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const perEntity: Array<{ entity_ref: string | null; billed: unknown }> =
    await db('finops_daily_costs')
      .select('entity_ref')
      .sum({ billed: 'billed_cost' })
      .groupBy('entity_ref');
  if (!keepFile) {
    rmSync(dirname(file), { recursive: true, force: true });
  }

  // Baseline: the same rows, already parsed, as plain batched inserts.
  const rows = await db('finops_cost_records')
    .select(...COST_COLUMNS)
    .then(all => all.map(row => COST_COLUMNS.map(column => row[column])));
  await db('finops_cost_records').delete();
  const baselineStarted = process.hrtime.bigint();
  await db.transaction(async trx => {
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      await insertRows(
        trx,
        'finops_cost_records',
        COST_COLUMNS,
        rows.slice(i, i + BATCH_SIZE),
      );
    }
  });
  const baselineSeconds =
    Number(process.hrtime.bigint() - baselineStarted) / 1e9;
  await db.destroy();

  process.stdout.write(
    `${JSON.stringify({
      db: kind,
      records,
      ingestPerSecond: Math.round(records / ingestSeconds),
      baselinePerSecond: Math.round(records / baselineSeconds),
      ratio: Number((ingestSeconds / baselineSeconds).toFixed(2)),
      peakRssMb: Math.round(peakRssMb),
      rssBeforeMb: Math.round(memoryBefore / 1024 / 1024),
      billedMicros: String(BigInt(billed)),
      entityBilledMicros: Object.fromEntries(
        perEntity.map(row => [
          row.entity_ref ?? '',
          String(BigInt(row.billed as string)),
        ]),
      ),
      ...(keepFile ? { file } : {}),
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
