// @ts-check

/**
 * Budgets made through the API, and the alerts raised on budgets and spend anomalies.
 * Budgets declared in catalog annotations are read from the catalog, not stored here.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_budgets', table => {
    table.comment('Budgets created through the API; one per scope');
    table.string('id', 36).primary();
    table
      .string('scope_kind', 16)
      .notNullable()
      .comment('entity, team or costCenter');
    table.string('scope_value', 255).notNullable();
    table.bigInteger('amount').notNullable().comment('micro-units');
    table.string('currency', 3).notNullable();
    table.string('period', 16).notNullable();
    table.text('thresholds').notNullable().comment('JSON array of percentages');
    table.string('enforcement', 16).notNullable();
    table.datetime('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).nullable();
    table.unique(['scope_kind', 'scope_value'], {
      indexName: 'finops_budgets_scope_idx',
    });
  });

  await knex.schema.createTable('finops_alerts', table => {
    table.comment(
      'Budget threshold, forecast and anomaly alerts; raised once each',
    );
    table.bigIncrements('id').primary();
    table
      .string('alert_key', 767)
      .notNullable()
      .comment('kind, budget or entity, period and threshold or dimension');
    table
      .string('kind', 16)
      .notNullable()
      .comment('actual, forecast or anomaly');
    table.string('scope_kind', 16).notNullable();
    table.string('scope_value', 255).notNullable();
    table.string('budget_id', 300).nullable();
    table.string('period_start', 10).notNullable();
    table.string('period_end', 10).notNullable();
    table.integer('threshold').nullable();
    table.string('dimension', 255).nullable();
    table.string('title', 255).notNullable();
    table.text('description').notNullable();
    table.datetime('created_at', { useTz: true }).notNullable();
    table.datetime('acknowledged_at', { useTz: true }).nullable();
    table.string('acknowledged_by', 255).nullable();
    table.datetime('resolved_at', { useTz: true }).nullable();
    table.unique(['alert_key'], { indexName: 'finops_alerts_key_idx' });
    table.index(['scope_kind', 'scope_value'], 'finops_alerts_scope_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_alerts');
  await knex.schema.dropTable('finops_budgets');
};
