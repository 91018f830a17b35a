#!/usr/bin/env node
// What an embedded analytical engine does with the FOCUS file of the ingest benchmark:
// DuckDB on one thread reads the CSV, takes the entity ref from Tags and the model,
// token direction and cache action from SkuPriceDetails, and stores every row with its
// costs in exact micro-units (BIGINT) in a database file. Prints one JSON line: the
// rate, and the totals to check Tollgate's against.
//
//   node scripts/duckdbIngestBench.mjs --file bench.csv [--threads 1]
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const file = option('file');
const threads = option('threads', '1');
if (!file) {
  console.error(
    'Usage: duckdbIngestBench.mjs --file <FOCUS CSV> [--threads 1]',
  );
  process.exit(2);
}

const quoted = text => `'${text.replaceAll("'", "''")}'`;
const MONEY = 'DECIMAL(18,6)';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-duckdb-'));
try {
  const instance = await DuckDBInstance.create(join(dir, 'bench.duckdb'), {
    threads,
  });
  const connection = await instance.connect();
  const started = process.hrtime.bigint();
  await connection.run(`
    CREATE TABLE cost_records AS
    SELECT
      CAST(ChargePeriodStart AS DATE) AS day,
      json_extract_string(Tags, '$."backstage-entity"') AS entity_ref,
      ServiceProviderName AS provider,
      ServiceName AS service,
      json_extract_string(SkuPriceDetails, '$.ModelId') AS model,
      json_extract_string(SkuPriceDetails, '$.TokenDirection') AS direction,
      json_extract_string(SkuPriceDetails, '$.TokenCacheAction') AS cache_action,
      CAST(ConsumedQuantity AS BIGINT) AS quantity,
      ConsumedUnit AS unit,
      CAST(BilledCost * 1000000 AS BIGINT) AS billed_micros,
      CAST(ListCost * 1000000 AS BIGINT) AS list_micros,
      BillingCurrency AS currency
    FROM read_csv(${quoted(file)}, header = true, auto_detect = false,
      columns = {
        'BilledCost': '${MONEY}', 'BillingCurrency': 'VARCHAR',
        'ChargeCategory': 'VARCHAR', 'ChargePeriodStart': 'TIMESTAMPTZ',
        'ChargePeriodEnd': 'TIMESTAMPTZ', 'ConsumedQuantity': 'DECIMAL(18,6)',
        'ConsumedUnit': 'VARCHAR', 'ListCost': '${MONEY}', 'ServiceName': 'VARCHAR',
        'ServiceProviderName': 'VARCHAR', 'SkuId': 'VARCHAR',
        'SkuPriceDetails': 'VARCHAR', 'Tags': 'VARCHAR'
      })
  `);
  await connection.run('CHECKPOINT');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const [[records, billed]] = (
    await connection.runAndReadAll(
      'SELECT count(*), sum(billed_micros) FROM cost_records',
    )
  ).getRows();
  const perEntity = (
    await connection.runAndReadAll(
      'SELECT entity_ref, sum(billed_micros) FROM cost_records GROUP BY entity_ref',
    )
  ).getRows();
  connection.closeSync();
  instance.closeSync();

  process.stdout.write(
    `${JSON.stringify({
      engine: 'duckdb',
      threads: Number(threads),
      records: Number(records),
      perSecond: Math.round(Number(records) / seconds),
      billedMicros: String(billed),
      entityBilledMicros: Object.fromEntries(
        perEntity.map(([entity, micros]) => [entity ?? '', String(micros)]),
      ),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
