import { formatMicros } from '@tollgate/plugin-finops-common';
import {
  describeOnEachDatabase,
  entity,
  items,
  record,
  sample,
  window,
} from './__testUtils__/costStoreTesting';

jest.setTimeout(60_000);

describeOnEachDatabase('DatabaseCostStore', createStore => {
  it('stores a window and answers entity queries from its rollups, to the micro-unit', async () => {
    const { store } = await createStore();
    await expect(
      store.replaceWindow('focus:a', window, items(sample)),
    ).resolves.toEqual({
      records: 4,
      metrics: 0,
    });
    expect(formatMicros(await store.entityTotal({ ...entity, window }))).toBe(
      '12.833333',
    );
    const breakdown = await store.entityBreakdown({
      ...entity,
      window,
      groupBy: 'model',
    });
    expect(breakdown.map(b => [b.key, formatMicros(b.costMicros)])).toEqual([
      ['gpt-4o', '12.50'],
      ['claude-sonnet-4', '0.333333'],
    ]);
    const daily = await store.entityDaily({
      ...entity,
      window,
      groupBy: 'tokenType',
    });
    expect(daily.map(d => [d.day, d.key, formatMicros(d.costMicros)])).toEqual([
      ['2026-11-01', 'input', '2.50'],
      ['2026-11-01', 'output', '10.00'],
      ['2026-11-02', 'input', '0.333333'],
    ]);
    expect(formatMicros(await store.unallocatedTotal(window, 'USD'))).toBe(
      '1.000001',
    );
  });

  it('answers daily spend and breakdowns of many entities at once, per entity', async () => {
    const { store } = await createStore();
    await store.replaceWindow(
      'focus:a',
      window,
      items([
        ...sample,
        record({
          entityRef: 'component:default/search',
          billedCostMicros: 7n,
        }),
      ]),
    );
    const entityRefs = [
      'component:default/summarizer',
      'component:default/search',
      'component:default/none',
    ];
    const daily = await store.entitiesDaily({
      entityRefs,
      window,
      currency: 'USD',
    });
    expect(
      daily.map(d => [d.day, d.entityRef, formatMicros(d.costMicros)]).sort(),
    ).toEqual([
      ['2026-11-01', 'component:default/search', '0.000007'],
      ['2026-11-01', 'component:default/summarizer', '12.50'],
      ['2026-11-02', 'component:default/summarizer', '0.333333'],
    ]);
    const lines = await store.entitiesCostLines({
      entityRefs,
      window,
      currency: 'USD',
    });
    expect(
      lines
        .map(l => [l.entityRef, l.provider, l.dimension, l.costMicros])
        .sort(),
    ).toEqual([
      ['component:default/search', 'openai', 'input', 7n],
      ['component:default/summarizer', 'anthropic', 'input', 333_333n],
      ['component:default/summarizer', 'openai', 'input', 2_500_000n],
      ['component:default/summarizer', 'openai', 'output', 10_000_000n],
    ]);
    expect(lines.find(l => l.provider === 'anthropic')).toEqual({
      entityRef: 'component:default/summarizer',
      sourceId: 'focus:a',
      provider: 'anthropic',
      model: 'claude-sonnet-4',
      dimensionKind: 'tokenType',
      dimension: 'input',
      unit: 'tokens',
      costMicros: 333_333n,
      quantity: 1_000_000_000n,
    });
  });

  it('stores usage metrics per window and exports records', async () => {
    const { store } = await createStore();
    await store.replaceWindow(
      'prometheus:main',
      window,
      items([
        {
          type: 'metric',
          metric: {
            day: '2026-11-01',
            entityRef: entity.entityRefs[0],
            metric: 'http.requests',
            labels: { status: '200' },
            value: 1200,
          },
        },
      ]),
    );
    await store.replaceWindow('focus:a', window, items(sample));
    await expect(
      store.usageMetrics({ entityRefs: entity.entityRefs, window }),
    ).resolves.toEqual([
      {
        day: '2026-11-01',
        entityRef: entity.entityRefs[0],
        metric: 'http.requests',
        labels: { status: '200' },
        value: 1200,
      },
    ]);
    const { metrics, ids } = await store.entitiesUsage({
      entityRefs: [entity.entityRefs[0], 'component:default/none'],
      window,
      metric: 'http.requests',
    });
    expect(metrics).toEqual(
      await store.usageMetrics({ entityRefs: entity.entityRefs, window }),
    );
    expect(ids).toEqual([expect.any(Number)]);
    const exported = [];
    for await (const row of store.exportRows(window)) {
      exported.push(row);
    }
    expect(exported).toHaveLength(4);
    expect(exported.reduce((sum, r) => sum + r.billedCostMicros, 0n)).toBe(
      13_833_334n,
    );
  });

  it('attributes records kept for an unknown entity once it is known, rebuilding the rollups', async () => {
    const { store } = await createStore();
    const unknown = (day: string, billedCostMicros: bigint) =>
      record({
        day,
        entityRef: undefined,
        costCenter: undefined,
        team: undefined,
        billedCostMicros,
        tags: {
          'tollgate.unknownEntityRef': 'Component:latecomer',
          region: 'eu',
        },
      });
    await store.replaceWindow(
      'focus:invoices',
      window,
      items([
        record({}),
        unknown('2026-11-01', 4_000_000n),
        unknown('2026-11-02', 2_000_000n),
      ]),
    );
    const claim = (day: string) => ({
      sourceId: 'focus:invoices',
      day,
      entityRef: 'Component:latecomer',
    });
    const claims = await store.unknownEntityClaims();
    expect(claims.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      claim('2026-11-01'),
      claim('2026-11-02'),
    ]);

    const changed = await store.reattributeWindow(
      'focus:invoices',
      { from: '2026-11-02', to: '2026-11-02' },
      r =>
        r.entityRef
          ? r
          : {
              ...r,
              entityRef: 'component:default/latecomer',
              costCenter: 'cc-5100',
              tags: { region: 'eu' },
            },
    );
    expect(changed).toBe(1);
    const latecomer = {
      entityRefs: ['component:default/latecomer'],
      currency: 'USD',
      window,
    };
    expect(formatMicros(await store.entityTotal(latecomer))).toBe('2.00');
    expect(formatMicros(await store.unallocatedTotal(window, 'USD'))).toBe(
      '4.00',
    );
    expect(formatMicros(await store.entityTotal({ ...entity, window }))).toBe(
      '2.50',
    );
    const groups = await store.summaryGroups({
      window,
      groupBy: 'costCenter',
      currency: 'USD',
    });
    expect(groups).toEqual(
      expect.arrayContaining([{ key: 'cc-5100', costMicros: 2_000_000n }]),
    );
    expect(await store.unknownEntityClaims()).toEqual([claim('2026-11-01')]);
    const exported = [];
    for await (const row of store.exportRows(window)) exported.push(row);
    expect(exported.find(r => r.day === '2026-11-02')).toMatchObject({
      entityRef: 'component:default/latecomer',
      costCenter: 'cc-5100',
      tags: { region: 'eu' },
    });
  });

  it('counts metered spend once where another source covers its entity, provider and day', async () => {
    const { knex, store } = await createStore();
    // metered spend is appended by the metering store; here as a window of its own
    await store.replaceWindow(
      'metered',
      window,
      items([
        record({ day: '2026-11-01', billedCostMicros: 4_000_000n }),
        record({ day: '2026-11-02', billedCostMicros: 3_000_000n }),
        record({
          day: '2026-11-01',
          provider: 'anthropic',
          billedCostMicros: 1_000_000n,
        }),
      ]),
    );
    await store.replaceWindow(
      'focus:invoice',
      { from: '2026-11-01', to: '2026-11-01' },
      items([record({ day: '2026-11-01', billedCostMicros: 4_200_000n })]),
    );
    expect(formatMicros(await store.entityTotal({ ...entity, window }))).toBe(
      '8.20',
    );
    const exported = [];
    for await (const row of store.exportRows(window)) exported.push(row);
    expect(exported.map(r => [r.sourceId, r.day, r.provider]).sort()).toEqual([
      ['focus:invoice', '2026-11-01', 'openai'],
      ['metered', '2026-11-01', 'anthropic'],
      ['metered', '2026-11-02', 'openai'],
    ]);
    // the metered records stay, for reconciliation
    const [{ count }] = await knex('finops_cost_records')
      .where('source_id', 'metered')
      .count({ count: '*' });
    expect(Number(count)).toBe(3);
  });

  it('migrates down cleanly', async () => {
    const { knex } = await createStore();
    await knex.migrate.rollback(
      {
        directory: require('node:path').resolve(
          __dirname,
          '../../../migrations',
        ),
      },
      true,
    );
    expect(await knex.schema.hasTable('finops_cost_records')).toBe(false);
  });
});
