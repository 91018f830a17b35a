// @ts-check

const TABLES = [
  'finops_cost_records',
  'finops_daily_costs',
  'finops_summary_costs',
];

/**
 * The effective cost (FOCUS EffectiveCost: amortized, after commitments and
 * discounts) beside the billed cost, in cost records and both rollups. Showback,
 * budgets, forecasts, alerts and scorecards sum the effective cost; invoices, exports
 * and reconciliation the billed cost. NULL means equal to the billed cost, which is
 * what every row stored before means: nothing is rewritten, and reads take
 * COALESCE(effective_cost, billed_cost).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, t => {
      t.bigInteger('effective_cost')
        .nullable()
        .comment('micro-units; NULL is equal to billed_cost');
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [...TABLES].reverse()) {
    await knex.schema.alterTable(table, t => {
      t.dropColumn('effective_cost');
    });
  }
};
