import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
import { readWorkloadLabelsMetric } from '@tollgate/plugin-finops-node';
import { createDemoAllocations } from '../replay/allocations';
import { WEBSITE_EXAMPLE, readFixture } from './__testUtils__/fixtures';
import {
  component,
  context,
  sourceFor,
  collectAll,
  totalOf,
  micros,
} from './__testUtils__/openCostSourceTesting';
import { registerReplayServers } from './__testUtils__/replayServers';

describe('OpenCostCostSource', () => {
  const { replay } = registerReplayServers();

  describe('workload labels', () => {
    const today = todayUtc();
    const todayWindow = { from: today, to: today };
    const isWorkloadQuery = (request: { query: Record<string, string> }) =>
      request.query.aggregate === 'cluster,namespace,controller';

    it('reads the recorded workloads and keeps their labels for the entity their cost goes to', async () => {
      const recorded = readFixture(WEBSITE_EXAMPLE).data[0];
      const server = await replay();
      const { records, metrics } = await collectAll(
        sourceFor(server, { aggregate: 'namespace' }),
        todayWindow,
        context([
          component('ops', { 'backstage.io/kubernetes-id': 'opencost' }),
          component('metrics', { 'backstage.io/kubernetes-id': 'prometheus' }),
        ]),
      );

      expect(server.requests).toHaveLength(2);
      expect(server.requests[1].query).toMatchObject({
        aggregate: 'cluster,namespace,controller',
        accumulate: 'true',
        includeIdle: 'false',
        shareIdle: 'false',
        includeAggregatedMetadata: 'true',
        window: `${today}T00:00:00Z,${addDays(today, 1)}T00:00:00Z`,
      });
      // the cost is read as before
      expect(totalOf(records)).toBe(
        Object.values(recorded).reduce(
          (sum, a) => sum + micros(a.totalCost),
          0n,
        ),
      );
      // the recorded opencost allocation is one deployment, without labels;
      // prometheus has no controller; kube-system belongs to no entity
      expect(metrics.map(readWorkloadLabelsMetric)).toEqual([
        {
          day: today,
          entityRef: 'component:default/ops',
          workload: 'opencost/deployment:opencost',
          cluster: 'default-cluster',
          labels: {},
        },
        {
          day: today,
          entityRef: 'component:default/metrics',
          workload: 'prometheus/(no controller)',
          cluster: 'default-cluster',
          labels: {},
        },
      ]);
    });

    it('keeps the labels OpenCost reports, per workload and day, for the last days only', async () => {
      const server = await replay({
        allocationsFor: createDemoAllocations({
          ids: ['summarizer', 'ticket-triage', 'nobody'],
          namespace: 'support',
          workloadLabels: {
            summarizer: {
              'tollgate.dev/cost-center': 'cc-4100',
              'tollgate.dev/team': 'ml',
            },
          },
        }),
      });
      const entities = [
        component('summarizer', {
          'backstage.io/kubernetes-id': 'summarizer',
        }),
        component('triage', {
          'backstage.io/kubernetes-label-selector':
            'backstage.io/kubernetes-id=ticket-triage',
        }),
      ];
      const { metrics } = await collectAll(
        sourceFor(server, { cluster: 'prod-eu', workloadLabelDays: 2 }),
        { from: addDays(today, -3), to: today },
        context(entities),
      );

      expect(server.requests.filter(isWorkloadQuery)).toHaveLength(2);
      expect(server.requests.filter(r => !isWorkloadQuery(r))).toHaveLength(4);
      const seen = metrics.map(readWorkloadLabelsMetric);
      expect(seen.map(m => m?.day)).toEqual([
        addDays(today, -1),
        addDays(today, -1),
        today,
        today,
      ]);
      expect(seen.slice(2)).toEqual([
        {
          day: today,
          entityRef: 'component:default/summarizer',
          workload: 'support/deployment:summarizer',
          cluster: 'prod-eu',
          labels: {
            tollgate_dev_cost_center: 'cc-4100',
            tollgate_dev_team: 'ml',
            backstage_io_kubernetes_id: 'summarizer',
          },
        },
        {
          day: today,
          entityRef: 'component:default/triage',
          workload: 'support/deployment:ticket-triage',
          cluster: 'prod-eu',
          labels: { backstage_io_kubernetes_id: 'ticket-triage' },
        },
      ]);
    });

    it('asks nothing more with workloadLabelDays: 0', async () => {
      const server = await replay();
      const { metrics } = await collectAll(
        sourceFor(server, { aggregate: 'namespace', workloadLabelDays: 0 }),
        todayWindow,
        context([
          component('ops', { 'backstage.io/kubernetes-id': 'opencost' }),
        ]),
      );
      expect(server.requests).toHaveLength(1);
      expect(metrics).toEqual([]);
    });

    it('still stores the cost when OpenCost cannot answer for the workloads', async () => {
      const server = await replay({
        intercept: request =>
          isWorkloadQuery(request)
            ? { status: 400, body: { code: 400, message: 'bad aggregate' } }
            : undefined,
      });
      const ctx = context([
        component('ops', { 'backstage.io/kubernetes-id': 'opencost' }),
      ]);
      const { records, metrics } = await collectAll(
        sourceFor(server, { aggregate: 'namespace' }),
        todayWindow,
        ctx,
      );
      expect(records.length).toBeGreaterThan(0);
      expect(metrics).toEqual([]);
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^opencost:test: could not read workload labels for \d{4}-\d{2}-\d{2}, so label drift for that day is unknown: .*HTTP 400.*bad aggregate/,
        ),
      );
    });

    it('fails when the run is aborted while it reads workload labels', async () => {
      const controller = new AbortController();
      const server = await replay({
        intercept: request => {
          if (!isWorkloadQuery(request)) {
            return undefined;
          }
          controller.abort(new Error('backend shutting down'));
          return { delayMs: 2_000 };
        },
      });
      await expect(
        collectAll(
          sourceFor(server, { aggregate: 'namespace' }),
          todayWindow,
          context([], controller.signal),
        ),
      ).rejects.toThrow(/was aborted: backend shutting down$/);
    });
  });
});
