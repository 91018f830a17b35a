/*
 * Query latency with many stored records: fills the cost records table with N records
 * over 90 days, 2,000 entities, 40 cost centers, 4 models and 4 token types, builds the
 * daily and summary rollups, then times the entity cost and org summary queries the routes make.
 * Prints one JSON line.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs queryBench.ts --db pg --stored 10000000
 */
import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { DatabaseCostStore } from '../src/costs/store/DatabaseCostStore';
import {
  BenchDatabase,
  argument,
  openBenchDatabase,
  percentile,
} from './benchSupport';

const DAYS = 90;
const ENTITIES = 2000;
const SAMPLES = 60;

function fillSql(kind: BenchDatabase, stored: number, firstDay: string) {
  const series =
    kind === 'pg'
      ? `generate_series(0, ${stored - 1}) AS s(i)`
      : `(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${
          stored - 1
        }) SELECT i FROM n) AS s`;
  const day =
    kind === 'pg'
      ? `to_char(DATE '${firstDay}' + (i % ${DAYS}), 'YYYY-MM-DD')`
      : `date('${firstDay}', '+' || (i % ${DAYS}) || ' days')`;
  const div = (n: number) => (kind === 'pg' ? `(i / ${n})` : `(i / ${n})`);
  return `INSERT INTO finops_cost_records
      (source_id, day, entity_ref, cost_center, team, provider, service, model,
       dimension_kind, dimension, quantity, unit, billed_cost, currency)
    SELECT 'bench', ${day},
      'component:default/capability-' || (${div(DAYS)} % ${ENTITIES}),
      'cc-' || (${div(DAYS)} % 40), 'team-' || (${div(DAYS)} % 100),
      'openai', 'OpenAI API', 'model-' || (${div(DAYS * ENTITIES)} % 4),
      'tokenType', 'type-' || (${div(DAYS * ENTITIES * 4)} % 4),
      1000000, 'tokens', 1000 + i % 997, 'USD'
    FROM ${series}`;
}

async function rollUp(db: Knex) {
  await db.raw(`INSERT INTO finops_daily_costs
      (source_id, day, entity_ref, cost_center, team, provider, model,
       dimension_kind, dimension, unit, currency, quantity, billed_cost, record_count)
    SELECT source_id, day, entity_ref, cost_center, team, provider, model,
       dimension_kind, dimension, unit, currency, SUM(quantity), SUM(billed_cost), COUNT(*)
    FROM finops_cost_records
    GROUP BY source_id, day, entity_ref, cost_center, team, provider, model,
       dimension_kind, dimension, unit, currency`);
  await db.raw(`INSERT INTO finops_summary_costs
      (source_id, day, entity_ref, cost_center, team, provider, model, currency, billed_cost)
    SELECT source_id, day, entity_ref, cost_center, team, provider, model, currency,
       SUM(billed_cost)
    FROM finops_daily_costs
    GROUP BY source_id, day, entity_ref, cost_center, team, provider, model, currency`);
}

async function time(samples: number, query: (i: number) => Promise<unknown>) {
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await query(i);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return {
    p50: Number(percentile(durations, 0.5).toFixed(1)),
    p95: Number(percentile(durations, 0.95).toFixed(1)),
  };
}

async function main() {
  const kind = argument('db', 'sqlite') as BenchDatabase;
  const stored = Number(argument('stored', '10000000'));
  const firstDay = addDays(todayUtc(), -(DAYS - 1));
  const db = await openBenchDatabase(kind, 'tollgate_bench_query');

  const fillStarted = Date.now();
  await db.raw(fillSql(kind, stored, firstDay));
  await rollUp(db);
  // Vacuumed and analyzed, as autovacuum leaves tables that have settled; it
  // would otherwise start on the new rows during the measurement.
  if (kind === 'pg') await db.raw('VACUUM ANALYZE');
  const fillSeconds = (Date.now() - fillStarted) / 1000;
  const [{ rollups }] = await db('finops_daily_costs').count({ rollups: '*' });
  const [{ summaries }] = await db('finops_summary_costs').count({
    summaries: '*',
  });

  const store = DatabaseCostStore.fromKnex(db);
  const window = { from: addDays(todayUtc(), -29), to: todayUtc() };
  const entityCost = await time(SAMPLES, i =>
    Promise.all([
      store.entityTotal({
        entityRefs: [`component:default/capability-${(i * 37) % ENTITIES}`],
        window,
        currency: 'USD',
      }),
      store.entityBreakdown({
        entityRefs: [`component:default/capability-${(i * 37) % ENTITIES}`],
        window,
        groupBy: 'model',
        currency: 'USD',
      }),
      store.entityDaily({
        entityRefs: [`component:default/capability-${(i * 37) % ENTITIES}`],
        window,
        groupBy: 'tokenType',
        currency: 'USD',
      }),
    ]),
  );
  const orgSummary = await time(SAMPLES / 4, () =>
    Promise.all([
      store.summaryGroups({ window, groupBy: 'costCenter', currency: 'USD' }),
      store.unallocatedTotal(window, 'USD'),
    ]),
  );
  await db.destroy();
  process.stdout.write(
    `${JSON.stringify({
      db: kind,
      stored,
      rollupRows: Number(rollups),
      summaryRows: Number(summaries),
      fillSeconds,
      entityCostMs: entityCost,
      orgSummaryMs: orgSummary,
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
