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
  it('replaces a window on re-ingestion and never double counts', async () => {
    const { store } = await createStore();
    await store.replaceWindow('focus:a', window, items(sample));
    await store.replaceWindow('focus:a', window, items(sample));
    await store.replaceWindow(
      'focus:a',
      { from: '2026-11-02', to: '2026-11-02' },
      items([sample[2]]),
    );
    expect(formatMicros(await store.entityTotal({ ...entity, window }))).toBe(
      '12.833333',
    );
    const groups = await store.summaryGroups({
      window,
      groupBy: 'costCenter',
      currency: 'USD',
    });
    expect(groups.map(g => [g.key, formatMicros(g.costMicros)])).toEqual([
      ['cc-1', '12.833333'],
      ['(unallocated)', '1.000001'],
    ]);
  });

  it('keeps sources apart: one source replacing its window leaves another intact', async () => {
    const { store } = await createStore();
    await store.replaceWindow('focus:a', window, items(sample));
    await store.replaceWindow(
      'opencost:b',
      window,
      items([record({ billedCostMicros: 7n })]),
    );
    await store.replaceWindow('focus:a', window, items([]), {
      allowEmpty: true,
    });
    expect(await store.entityTotal({ ...entity, window })).toBe(7n);
  });

  it('keeps a window that items without cost records would empty, unless allowed', async () => {
    const { store } = await createStore();
    await store.replaceWindow('focus:a', window, items(sample));
    await expect(
      store.replaceWindow('focus:a', window, items([])),
    ).rejects.toThrow(
      'Source focus:a returned no cost records for 2026-11-01..2026-11-02, which has 4 stored: kept them',
    );
    expect(formatMicros(await store.entityTotal({ ...entity, window }))).toBe(
      '12.833333',
    );
  });

  it('leaves earlier data intact when a source fails mid-stream', async () => {
    const { store } = await createStore();
    await store.replaceWindow('focus:a', window, items(sample));
    await expect(
      store.replaceWindow(
        'focus:a',
        window,
        items([record({ billedCostMicros: 1n }), ...sample], 2),
      ),
    ).rejects.toThrow('source broke mid-stream');
    expect(formatMicros(await store.entityTotal({ ...entity, window }))).toBe(
      '12.833333',
    );
  });

  it('stores windows larger than one insert batch', async () => {
    const { store } = await createStore();
    const many = Array.from({ length: 2345 }, (_, i) =>
      record({
        dimension: `op-${i}`,
        dimensionKind: 'operation',
        billedCostMicros: BigInt(i),
      }),
    );
    await expect(
      store.replaceWindow('focus:a', window, items(many)),
    ).resolves.toEqual({
      records: 2345,
      metrics: 0,
    });
    expect(await store.entityTotal({ ...entity, window })).toBe(
      BigInt((2344 * 2345) / 2),
    );
  });

  it('refuses records outside the window', async () => {
    const { store } = await createStore();
    await expect(
      store.replaceWindow(
        'focus:a',
        window,
        items([record({ day: '2026-11-03' })]),
      ),
    ).rejects.toThrow(
      'returned data for 2026-11-03, outside the window 2026-11-01..2026-11-02',
    );
  });
});
