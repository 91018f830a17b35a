// @ts-check

/**
 * Scorecard results: one row per entity, scorecard and UTC day, rewritten by each
 * evaluation of that day, so that trends show.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_scorecard_results', table => {
    table.comment('Scorecard results per entity, scorecard and day');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard_id', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('team', 63).nullable();
    table.string('cost_center', 63).nullable();
    table
      .double('score')
      .nullable()
      .comment('0-100; null when nothing applies');
    table.text('result').notNullable().comment('JSON ScorecardResult');
    table.datetime('evaluated_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'scorecard_id', 'day'], {
      indexName: 'finops_scorecard_results_key_idx',
    });
    table.index(['day'], 'finops_scorecard_results_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_scorecard_results');
};
