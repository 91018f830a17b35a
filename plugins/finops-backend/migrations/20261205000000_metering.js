// @ts-check

/**
 * Metering: usage events reported by gateways, SDKs and agents (each id counted once;
 * their spend is stored as cost records of the source `metered`), and reservations of
 * budget made before spending.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_usage_events', table => {
    table.comment('Usage events reported through POST /v1/usage, by their id');
    table.string('event_id', 255).primary();
    table.string('day', 10).notNullable().comment('UTC day of the event');
    table.string('entity_ref', 255).nullable();
    table.bigInteger('cost').notNullable().comment('micro-units');
    table.string('currency', 3).notNullable();
    table.string('agent_id', 255).nullable();
    table.string('session_id', 255).nullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table
      .bigInteger('received_ms')
      .notNullable()
      .comment('received_at in milliseconds since 1970, for trailing windows');
    table.index(['entity_ref', 'received_ms'], 'finops_usage_events_entity_idx');
    table.index(['session_id'], 'finops_usage_events_session_idx');
  });
  await knex.schema.createTable('finops_reservations', table => {
    table.comment(
      'Budget reserved before spending, until committed, released or expired',
    );
    table.string('id', 36).primary();
    table.string('idempotency_key', 255).nullable().unique();
    table.string('entity_ref', 255).notNullable();
    table.string('team', 63).nullable();
    table.string('cost_center', 63).nullable();
    table.bigInteger('amount').notNullable().comment('micro-units');
    table.string('currency', 3).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment(
        'open, committed or released; an open one past expires_at has expired',
      );
    table.bigInteger('committed_cost').nullable().comment('micro-units');
    table.string('agent_id', 255).nullable();
    table.string('session_id', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .bigInteger('expires_at')
      .notNullable()
      .comment('milliseconds since 1970, compared alike on every database');
    table.index(
      ['status', 'entity_ref'],
      'finops_reservations_open_entity_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_reservations');
  await knex.schema.dropTable('finops_usage_events');
};
