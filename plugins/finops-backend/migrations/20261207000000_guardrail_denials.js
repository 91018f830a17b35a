// @ts-check

/**
 * Calls the guardrail denied (a check or a reservation), for the FinOps page; what each
 * usage event measured (its model), with a day index, which today's metered spend by
 * model and the top agents and sessions of a period read; and the indexes by which a
 * reservation sums its team's and cost center's spend and open reservations.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_guardrail_denials', table => {
    table.comment('Calls denied by the guardrail, one row each');
    table.bigIncrements('id').primary();
    table.string('day', 10).notNullable().comment('UTC day of the denial');
    table.string('entity_ref', 255).notNullable();
    table.string('via', 16).notNullable().comment('check or reservation');
    table.bigInteger('estimate').notNullable().comment('micro-units');
    table.string('currency', 3).notNullable();
    table.string('reason', 1000).notNullable();
    table.string('agent_id', 255).nullable();
    table.string('session_id', 255).nullable();
    table.timestamp('denied_at', { useTz: true }).notNullable();
    table.index(['day', 'entity_ref'], 'finops_guardrail_denials_day_idx');
  });
  await knex.schema.alterTable('finops_usage_events', table => {
    table
      .string('model', 255)
      .nullable()
      .comment('the model of token usage; NULL for calls and reported costs');
    table
      .string('measure', 8)
      .nullable()
      .comment('what the event reported: tokens, calls or cost');
    table
      .string('team', 63)
      .nullable()
      .comment("the entity's team, whose spend-rate limit counts the event");
    table.index(['day'], 'finops_usage_events_day_idx');
    table.index(['entity_ref', 'day'], 'finops_usage_events_entity_day_idx');
    table.index(['team', 'received_ms'], 'finops_usage_events_team_idx');
  });
  // a reservation sums its team's and cost center's spend and open reservations
  await knex.schema.alterTable('finops_summary_costs', table => {
    table.index(['team', 'day'], 'finops_summary_costs_team_day_idx');
    table.index(
      ['cost_center', 'day'],
      'finops_summary_costs_cost_center_day_idx',
    );
  });
  for (const column of ['team', 'cost_center']) {
    await knex.raw(
      `CREATE INDEX finops_reservations_open_${column}_idx ON finops_reservations (${column}) WHERE status = 'open'`,
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const column of ['team', 'cost_center']) {
    await knex.raw(`DROP INDEX finops_reservations_open_${column}_idx`);
  }
  await knex.schema.alterTable('finops_summary_costs', table => {
    table.dropIndex(['team', 'day'], 'finops_summary_costs_team_day_idx');
    table.dropIndex(
      ['cost_center', 'day'],
      'finops_summary_costs_cost_center_day_idx',
    );
  });
  await knex.schema.alterTable('finops_usage_events', table => {
    table.dropIndex(['team', 'received_ms'], 'finops_usage_events_team_idx');
    table.dropIndex(
      ['entity_ref', 'day'],
      'finops_usage_events_entity_day_idx',
    );
    table.dropIndex(['day'], 'finops_usage_events_day_idx');
    table.dropColumn('team');
    table.dropColumn('measure');
    table.dropColumn('model');
  });
  await knex.schema.dropTable('finops_guardrail_denials');
};
