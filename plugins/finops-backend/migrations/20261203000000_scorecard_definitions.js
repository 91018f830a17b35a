// @ts-check

/**
 * The title and checks of each scorecard as evaluated on a day, stored once: results
 * hold only what they add (values, statuses, scores). Results stored before hold
 * everything and are read as they are.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_scorecard_definitions', table => {
    table.comment('Scorecards as evaluated per day, shared by their results');
    table.string('scorecard_id', 255).notNullable();
    table.string('day', 10).notNullable();
    table
      .text('definition')
      .notNullable()
      .comment('JSON: title and checks as evaluated');
    table.primary(['scorecard_id', 'day']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_scorecard_definitions');
};
