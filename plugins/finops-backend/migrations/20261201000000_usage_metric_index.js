// @ts-check

/**
 * Usage metrics are read by entity, metric and window (scorecards, label drift): the
 * entity index leads with the metric, so that reading one metric of an entity reads no
 * row of its other metrics.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('finops_usage_metrics', table => {
    table.index(
      ['entity_ref', 'metric', 'day'],
      'finops_usage_metrics_entity_metric_day_idx',
    );
    table.dropIndex(
      ['entity_ref', 'day'],
      'finops_usage_metrics_entity_day_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('finops_usage_metrics', table => {
    table.index(['entity_ref', 'day'], 'finops_usage_metrics_entity_day_idx');
    table.dropIndex(
      ['entity_ref', 'metric', 'day'],
      'finops_usage_metrics_entity_metric_day_idx',
    );
  });
};
