// @ts-check

/**
 * A coarser daily rollup for organization-wide questions (spend by cost center, team,
 * entity, provider or model; budgets; unallocated spend): the daily rollup without the
 * dimension and unit, so that those queries read a fraction of its rows. Existing
 * rollups are summed into it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_summary_costs', table => {
    table.comment(
      'Daily spend per source, entity, cost center, team, provider and model',
    );
    table.bigIncrements('id').primary();
    table.string('source_id', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('cost_center', 63).nullable();
    table.string('team', 63).nullable();
    table.string('provider', 255).notNullable();
    table.string('model', 255).nullable();
    table.string('currency', 3).notNullable();
    table.bigInteger('billed_cost').notNullable();
    table.index(['day'], 'finops_summary_costs_day_idx');
    table.index(['entity_ref', 'day'], 'finops_summary_costs_entity_day_idx');
    table.index(['source_id', 'day'], 'finops_summary_costs_source_day_idx');
  });
  await knex.raw(
    `INSERT INTO finops_summary_costs
       (source_id, day, entity_ref, cost_center, team, provider, model, currency, billed_cost)
     SELECT source_id, day, entity_ref, cost_center, team, provider, model, currency,
       SUM(billed_cost)
     FROM finops_daily_costs
     GROUP BY source_id, day, entity_ref, cost_center, team, provider, model, currency`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_summary_costs');
};
