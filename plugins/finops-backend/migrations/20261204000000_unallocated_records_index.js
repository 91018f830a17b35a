// @ts-check

/**
 * Unallocated records are looked up by source and day when entities they name join
 * the catalog (re-attribution): a partial index holds only the records without an
 * entity, so that the look-up reads none of the attributed ones.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw(
    'CREATE INDEX finops_cost_records_unallocated_idx ON finops_cost_records (source_id, day) WHERE entity_ref IS NULL',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX finops_cost_records_unallocated_idx');
};
