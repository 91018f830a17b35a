// @ts-check

/**
 * Cost records, their daily rollups, usage metrics and source runs.
 *
 * Money is stored as integer micro-units (10^-6), quantities as integer units of 10^-6.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_cost_records', table => {
    table.comment(
      'Normalized cost records, one per source, day and charge line',
    );
    table.bigIncrements('id').primary();
    table.string('source_id', 255).notNullable();
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.string('entity_ref', 255).nullable().comment('NULL is unallocated');
    table.string('cost_center', 63).nullable();
    table.string('team', 63).nullable();
    table.string('provider', 255).notNullable();
    table.string('service', 255).notNullable();
    table.string('model', 255).nullable();
    table.string('dimension_kind', 16).notNullable();
    table.string('dimension', 255).notNullable();
    table.bigInteger('quantity').nullable();
    table.string('unit', 64).nullable();
    table.bigInteger('billed_cost').notNullable();
    table.bigInteger('list_cost').nullable();
    table.string('currency', 3).notNullable();
    table.text('tags').nullable();
    table.index(['source_id', 'day'], 'finops_cost_records_source_day_idx');
  });

  await knex.schema.createTable('finops_daily_costs', table => {
    table.comment(
      'Daily rollup of cost records that entity and org queries read',
    );
    table.bigIncrements('id').primary();
    table.string('source_id', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('cost_center', 63).nullable();
    table.string('team', 63).nullable();
    table.string('provider', 255).notNullable();
    table.string('model', 255).nullable();
    table.string('dimension_kind', 16).notNullable();
    table.string('dimension', 255).notNullable();
    table.string('unit', 64).nullable();
    table.string('currency', 3).notNullable();
    table.bigInteger('quantity').nullable();
    table.bigInteger('billed_cost').notNullable();
    table.bigInteger('record_count').notNullable();
    table.index(['entity_ref', 'day'], 'finops_daily_costs_entity_day_idx');
    table.index(['day'], 'finops_daily_costs_day_idx');
    table.index(['source_id', 'day'], 'finops_daily_costs_source_day_idx');
  });

  await knex.schema.createTable('finops_usage_metrics', table => {
    table.comment('Daily non-monetary measurements per entity');
    table.bigIncrements('id').primary();
    table.string('source_id', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('metric', 255).notNullable();
    table.text('labels').notNullable().defaultTo('{}');
    table.double('value').notNullable();
    table.index(['entity_ref', 'day'], 'finops_usage_metrics_entity_day_idx');
    table.index(['source_id', 'day'], 'finops_usage_metrics_source_day_idx');
  });

  await knex.schema.createTable('finops_source_runs', table => {
    table.comment('One row per ingestion run of a cost source');
    table.bigIncrements('id').primary();
    table.string('source_id', 255).notNullable();
    table.string('trigger', 16).notNullable().comment('schedule or manual');
    table.string('window_from', 10).notNullable();
    table.string('window_to', 10).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded, failed');
    table.datetime('started_at', { useTz: true }).notNullable();
    table.datetime('finished_at', { useTz: true }).nullable();
    table.integer('days_total').notNullable();
    table.integer('days_done').notNullable().defaultTo(0);
    table.bigInteger('records_written').notNullable().defaultTo(0);
    table.text('error').nullable();
    table.index(['source_id', 'started_at'], 'finops_source_runs_source_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_source_runs');
  await knex.schema.dropTable('finops_usage_metrics');
  await knex.schema.dropTable('finops_daily_costs');
  await knex.schema.dropTable('finops_cost_records');
};
