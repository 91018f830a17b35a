import { TestDatabases } from '@backstage/backend-test-utils';
import { resolve } from 'node:path';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = resolve(__dirname, '../../migrations');
const MIGRATION = '20261208000000_agent_session_rollups.js';
const DAY = '2026-11-01';
const TRIAGE = 'component:default/ticket-triage';

/** A stored record and the columns both it and its rollup row have. */
function row(
  sourceId: string,
  provider: string,
  billed: number,
  tags?: Record<string, string>,
) {
  return {
    source_id: sourceId,
    day: DAY,
    entity_ref: TRIAGE,
    provider,
    model: 'claude-3-5-haiku',
    dimension_kind: 'tokenType',
    dimension: 'input',
    unit: 'tokens',
    currency: 'USD',
    quantity: 1000,
    billed_cost: billed,
    tags: tags ? JSON.stringify(tags) : null,
  };
}

describe.each(databases.eachSupportedId())('migration %s on %p', databaseId => {
  it('splits the daily rollups of tagged records by agent and session, of counted spend only, and back', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    await knex.migrate.down({ directory, name: MIGRATION });
    const records = [
      row('metered', 'anthropic', 1, {
        'gen_ai.agent.id': 'triage-agent',
        'gen_ai.conversation.id': 'c1',
      }),
      row('metered', 'anthropic', 2, {
        'gen_ai.agent.id': 'triage-agent',
        'gen_ai.conversation.id': 'c2',
      }),
      row('metered', 'anthropic', 4, { 'gen_ai.agent.name': 'Writer' }),
      row('metered', 'anthropic', 8),
      // superseded by the invoice: its rollup rows were removed
      row('metered', 'twilio', 16, { 'gen_ai.agent.id': 'triage-agent' }),
      row('focus:invoice', 'twilio', 32, { 'gen_ai.agent.id': 'sms-agent' }),
    ];
    await knex('finops_cost_records').insert(
      records.map(r => ({ ...r, service: r.provider })),
    );
    // the rollups as written before: one row per group, none of superseded spend
    const rollup = (sourceId: string, provider: string, billed: number) => {
      const { tags, ...columns } = row(sourceId, provider, billed);
      return { ...columns, record_count: 1 };
    };
    await knex('finops_daily_costs').insert([
      { ...rollup('metered', 'anthropic', 15), quantity: 4000 },
      rollup('focus:invoice', 'twilio', 32),
    ]);

    await knex.migrate.up({ directory, name: MIGRATION });
    const split: any[] = await knex('finops_daily_costs')
      .select('source_id', 'provider', 'agent', 'session')
      .sum({ cost: 'billed_cost', quantity: 'quantity' })
      .groupBy('source_id', 'provider', 'agent', 'session');
    expect(
      split
        .map(r => [
          r.source_id,
          r.provider,
          r.agent,
          r.session,
          Number(r.cost),
          Number(r.quantity),
        ])
        .sort((a, b) => Number(a[4]) - Number(b[4])),
    ).toEqual([
      ['metered', 'anthropic', 'triage-agent', 'c1', 1, 1000],
      ['metered', 'anthropic', 'triage-agent', 'c2', 2, 1000],
      ['metered', 'anthropic', 'Writer', null, 4, 1000],
      ['metered', 'anthropic', null, null, 8, 1000],
      ['focus:invoice', 'twilio', 'sms-agent', null, 32, 1000],
    ]);

    await knex.migrate.down({ directory, name: MIGRATION });
    const [{ cost }] = await knex('finops_daily_costs').sum({
      cost: 'billed_cost',
    });
    expect(Number(cost)).toBe(47);
    await knex.destroy();
  });
});
