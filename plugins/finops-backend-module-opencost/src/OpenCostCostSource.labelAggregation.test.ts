import { createDemoAllocations } from '../replay/allocations';
import {
  DAY,
  component,
  context,
  sourceFor,
  collect,
  totalOf,
  micros,
  served,
} from './__testUtils__/openCostSourceTesting';
import { registerReplayServers } from './__testUtils__/replayServers';

describe('OpenCostCostSource', () => {
  const { replay } = registerReplayServers();

  describe('with the default label aggregation', () => {
    const ids = ['summarizer', 'ticket-triage'];
    const entities = [
      component('summarizer', { 'backstage.io/kubernetes-id': 'summarizer' }),
      component('triage', {
        'backstage.io/kubernetes-label-selector':
          'backstage.io/kubernetes-id=ticket-triage',
      }),
    ];

    it('keeps __unallocated__ and __idle__ as unallocated spend', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(sourceFor(server), DAY, context(entities));
      const [set] = served(server);

      expect(server.requests[0].query.aggregate).toBe(
        'label:backstage.io/kubernetes-id',
      );
      expect(Object.keys(set).sort()).toEqual(
        ['__idle__', '__unallocated__', ...ids].sort(),
      );
      for (const [name, allocation] of Object.entries(set)) {
        expect(totalOf(records, name)).toBe(micros(allocation.totalCost));
      }
      const refs = (name: string) =>
        new Set(
          records
            .filter(r => r.tags?.['opencost.allocation'] === name)
            .map(r => r.entityRef),
        );
      expect(refs('summarizer')).toEqual(
        new Set(['component:default/summarizer']),
      );
      expect(refs('ticket-triage')).toEqual(
        new Set(['component:default/triage']),
      );
      expect(refs('__unallocated__')).toEqual(new Set([undefined]));
      expect(refs('__idle__')).toEqual(new Set([undefined]));
      expect(totalOf(records, '__idle__')).toBeGreaterThan(0n);
    });

    it('leaves idle out with idle: ignore, even if the server sends it', async () => {
      const honouring = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(
        sourceFor(honouring, { idle: 'ignore' }),
        DAY,
        context(entities),
      );
      expect(honouring.requests[0].query).toMatchObject({
        includeIdle: 'false',
        shareIdle: 'false',
      });
      expect(Object.keys(served(honouring)[0])).not.toContain('__idle__');

      const ignoring = await replay({
        allocationsFor: createDemoAllocations({ ids }),
        honourIdleParameters: false,
      });
      const again = await collect(
        sourceFor(ignoring, { idle: 'ignore' }),
        DAY,
        context(entities),
      );
      expect(Object.keys(served(ignoring)[0])).toContain('__idle__');
      expect(
        again.some(r => r.tags?.['opencost.allocation'] === '__idle__'),
      ).toBe(false);
      expect(again).toEqual(records);
    });

    it('lets OpenCost share idle with idle: share, losing none of it', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(
        sourceFor(server, { idle: 'share' }),
        DAY,
        context(entities),
      );
      expect(server.requests[0].query).toMatchObject({
        includeIdle: 'true',
        shareIdle: 'true',
      });
      const [set] = served(server);
      expect(Object.keys(set)).not.toContain('__idle__');
      expect(
        records.some(r => r.tags?.['opencost.allocation'] === '__idle__'),
      ).toBe(false);
      const servedTotal = Object.values(set).reduce(
        (sum, a) => sum + micros(a.totalCost),
        0n,
      );
      expect(totalOf(records)).toBe(servedTotal);

      const unshared = createDemoAllocations({ ids })('2026-03-01');
      const summarizerShare =
        totalOf(records, 'summarizer') - micros(unshared.summarizer.totalCost);
      expect(summarizerShare).toBeGreaterThan(0n);
    });

    it('asks one day per request and dates each record by its day', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const records = await collect(
        sourceFor(server),
        { from: '2026-02-27', to: '2026-03-01' },
        context(entities),
      );
      expect(server.requests.map(r => r.query.window)).toEqual([
        '2026-02-27T00:00:00Z,2026-02-28T00:00:00Z',
        '2026-02-28T00:00:00Z,2026-03-01T00:00:00Z',
        '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z',
      ]);
      for (const [index, day] of [
        '2026-02-27',
        '2026-02-28',
        '2026-03-01',
      ].entries()) {
        const ofDay = records.filter(r => r.day === day);
        const dayTotal = Object.values(served(server, index)[0]).reduce(
          (sum, a) => sum + micros(a.totalCost),
          0n,
        );
        expect(totalOf(ofDay)).toBe(dayTotal);
      }
    });

    it('answers the same records when it fetches the same window twice', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({ ids }),
      });
      const source = sourceFor(server);
      const window = { from: '2026-02-28', to: '2026-03-01' };
      const first = await collect(source, window, context(entities));
      const second = await collect(source, window, context(entities));
      expect(first.length).toBeGreaterThan(0);
      expect(second).toEqual(first);
    });
  });
});
