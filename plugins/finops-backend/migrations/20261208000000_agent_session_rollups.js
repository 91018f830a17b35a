// @ts-check

/**
 * Spend by agent and session: the daily rollup, which entity queries read, is told
 * apart by the agent (`gen_ai.agent.id`, else `gen_ai.agent.name`) and the session
 * (`gen_ai.conversation.id`) that a cost record's tags name, NULL where they name
 * none. Text, since tags are not bounded in length; nothing looks them up by index,
 * as every read of them is by entity and day (or day alone) first.
 *
 * Existing rollups of the records whose tags name an agent or a session are summed
 * anew from those records, per source and day, for the entities and providers that the
 * rollup counts (those that a source ranked higher counts instead have no rollup rows,
 * and get none). The tag keys are written out here rather than imported, so that this
 * migration does the same whatever later code does.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('finops_daily_costs', table => {
    table.text('agent').nullable().comment('gen_ai.agent.id (else .name) tag');
    table.text('session').nullable().comment('gen_ai.conversation.id tag');
  });
  const taggedDays = await knex('finops_cost_records')
    .distinct('source_id', 'day')
    .where(tagged =>
      tagged
        .where('tags', 'like', '%"gen_ai.agent.id"%')
        .orWhere('tags', 'like', '%"gen_ai.agent.name"%')
        .orWhere('tags', 'like', '%"gen_ai.conversation.id"%'),
    )
    .orderBy(['source_id', 'day']);
  for (const { source_id: sourceId, day } of taggedDays) {
    await knex.transaction(trx => splitDay(trx, sourceId, day));
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Rows split by agent and session stay as they are: every query sums a group's rows.
  await knex.schema.alterTable('finops_daily_costs', table => {
    table.dropColumn('session');
    table.dropColumn('agent');
  });
};

const RECORDS_PER_READ = 1000;
const ROWS_PER_INSERT = 200;
const SEPARATOR = '\u0000';
const ABSENT = '\u0001';

const GROUP_COLUMNS = [
  'source_id',
  'day',
  'entity_ref',
  'cost_center',
  'team',
  'provider',
  'model',
  'dimension_kind',
  'dimension',
  'agent',
  'session',
  'unit',
  'currency',
];

/**
 * Replaces one source's daily rollup rows of a day with the sums of its records per
 * group and agent and session, for the entities and providers that the rollup counts.
 *
 * @param {import('knex').Knex.Transaction} trx
 * @param {string} sourceId
 * @param {string} day
 */
async function splitDay(trx, sourceId, day) {
  const rollup = () =>
    trx('finops_daily_costs').where({ source_id: sourceId, day });
  /** @type {Array<{ entity_ref: string | null, provider: string }>} */
  const countedRows = await rollup().distinct('entity_ref', 'provider');
  const counted = new Set(
    countedRows.map(r => `${r.entity_ref ?? ABSENT}${SEPARATOR}${r.provider}`),
  );
  /** @type {Map<string, Group>} */
  const groups = new Map();
  let lastId = 0;
  for (;;) {
    const records = await trx('finops_cost_records')
      .where({ source_id: sourceId, day })
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(RECORDS_PER_READ);
    for (const record of records) {
      const key = `${record.entity_ref ?? ABSENT}${SEPARATOR}${
        record.provider
      }`;
      if (counted.has(key)) addToGroup(groups, record);
    }
    if (records.length < RECORDS_PER_READ) break;
    lastId = Number(records[records.length - 1].id);
  }
  await rollup().delete();
  const rows = [...groups.values()].map(rollupRow);
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx('finops_daily_costs').insert(rows.slice(i, i + ROWS_PER_INSERT));
  }
}

/**
 * @typedef {{ row: Record<string, unknown>, quantity: bigint | null, billed: bigint, records: number }} Group
 */

/**
 * Adds a record to the sums of its group: quantity sums like SQL's SUM, NULL when no
 * record of the group has one.
 *
 * @param {Map<string, Group>} groups
 * @param {Record<string, any>} record
 */
function addToGroup(groups, record) {
  /** @type {Record<string, string>} */
  const tags = record.tags ? JSON.parse(record.tags) : {};
  /** @type {Record<string, unknown>} */
  const row = {
    ...Object.fromEntries(GROUP_COLUMNS.map(c => [c, record[c] ?? null])),
    agent:
      nonBlank(tags['gen_ai.agent.id']) ??
      nonBlank(tags['gen_ai.agent.name']) ??
      null,
    session: nonBlank(tags['gen_ai.conversation.id']) ?? null,
  };
  const key = GROUP_COLUMNS.map(c => row[c] ?? ABSENT).join(SEPARATOR);
  const quantity =
    record.quantity === null || record.quantity === undefined
      ? null
      : BigInt(record.quantity);
  const group = groups.get(key);
  if (!group) {
    groups.set(key, {
      row,
      quantity,
      billed: BigInt(record.billed_cost),
      records: 1,
    });
    return;
  }
  group.billed += BigInt(record.billed_cost);
  if (quantity !== null) group.quantity = (group.quantity ?? 0n) + quantity;
  group.records += 1;
}

/**
 * A group as a rollup row; sums as decimal text, which both databases take for bigint.
 *
 * @param {Group} group
 */
function rollupRow(group) {
  return {
    ...group.row,
    quantity: group.quantity === null ? null : group.quantity.toString(),
    billed_cost: group.billed.toString(),
    record_count: group.records,
  };
}

/**
 * @param {unknown} value
 * @returns {string | undefined}
 */
function nonBlank(value) {
  return typeof value === 'string' && value.trim() ? value : undefined;
}
