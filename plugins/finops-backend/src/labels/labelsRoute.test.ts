import { Entity } from '@backstage/catalog-model';
import {
  DayWindow,
  addDays,
  enumerateDays,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceItem,
  workloadLabelsMetric,
} from '@tollgate/plugin-finops-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/cost-center': 'cc-4100',
        'backstage.io/kubernetes-id': 'summarizer',
      },
    },
    spec: { type: 'capability', owner: 'group:default/ml' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'unseen',
      namespace: 'default',
      annotations: { 'tollgate.dev/cost-center': 'cc-4100' },
    },
    spec: { type: 'capability', owner: 'group:default/ml' },
  },
];

const today = todayUtc();
const inSync = {
  tollgate_dev_cost_center: 'cc-4100',
  tollgate_dev_team: 'ml',
  backstage_io_kubernetes_id: 'summarizer',
};

/**
 * Workloads as the OpenCost source reports them: the summarizer's deployment in sync
 * until yesterday, then relabelled to another team; its reindex job never carries the
 * cost center; a deployment gone for ten days lacks everything.
 */
class WorkloadSource implements CostSource {
  readonly id = 'opencost:test';
  readonly type = 'opencost';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    const entityRef = 'component:default/summarizer';
    for (const day of enumerateDays(window)) {
      const observed = [
        {
          workload: 'ml/deployment:summarizer',
          labels:
            day === today ? { ...inSync, tollgate_dev_team: 'search' } : inSync,
        },
        {
          workload: 'ml/job:summarizer-reindex',
          labels: { ...inSync, tollgate_dev_cost_center: undefined },
        },
        ...(day < addDays(today, -9)
          ? [{ workload: 'old/deployment:summarizer', labels: {} }]
          : []),
      ];
      for (const { workload, labels } of observed) {
        yield {
          type: 'metric',
          metric: workloadLabelsMetric({
            day,
            entityRef,
            workload,
            cluster: 'prod-eu',
            labels: JSON.parse(JSON.stringify(labels)),
          }),
        };
      }
    }
  }
}

async function startBackend(options: { allow?: boolean } = {}) {
  const { server } = await startFinopsTestBackend({
    sources: [new WorkloadSource()],
    entities,
    allow: options.allow,
  });
  return server;
}

const labelsUrl = (name: string) =>
  `/api/finops/v1/entities/component/default/${name}/labels`;

describe('GET /v1/entities/{kind}/{namespace}/{name}/labels', () => {
  it('reports each seen workload missing or differing from the plan, in the last 7 days', async () => {
    const server = await startBackend();
    await request(server)
      .post(
        `/api/finops/v1/sources/opencost:test/run?from=${addDays(
          today,
          -12,
        )}&to=${today}`,
      )
      .set(auth)
      .expect(200);

    const { body } = await request(server)
      .get(labelsUrl('summarizer'))
      .set(auth)
      .expect(200);
    expect(body.labels).toEqual({
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/team': 'ml',
      'backstage.io/kubernetes-id': 'summarizer',
    });
    expect(body.drift).toEqual({
      window: { from: addDays(today, -6), to: today },
      status: 'drifted',
      workloads: [
        {
          workload: 'ml/deployment:summarizer',
          cluster: 'prod-eu',
          lastSeen: today,
        },
        {
          workload: 'ml/job:summarizer-reindex',
          cluster: 'prod-eu',
          lastSeen: today,
        },
      ],
      items: [
        {
          workload: 'ml/deployment:summarizer',
          cluster: 'prod-eu',
          label: 'tollgate.dev/team',
          reportedAs: 'tollgate_dev_team',
          expected: 'ml',
          seen: 'search',
          problem: 'different',
        },
        {
          workload: 'ml/job:summarizer-reindex',
          cluster: 'prod-eu',
          label: 'tollgate.dev/cost-center',
          reportedAs: 'tollgate_dev_cost_center',
          expected: 'cc-4100',
          problem: 'missing',
        },
      ],
    });
  });

  it('answers the fields openapi.yaml documents', async () => {
    const spec = parse(
      readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    const schema =
      spec.paths['/v1/entities/{kind}/{namespace}/{name}/labels'].get.responses[
        '200'
      ].content['application/json'].schema;
    const server = await startBackend();
    await request(server)
      .post(
        `/api/finops/v1/sources/opencost:test/run?from=${today}&to=${today}`,
      )
      .set(auth)
      .expect(200);
    const { body } = await request(server)
      .get(labelsUrl('summarizer'))
      .set(auth)
      .expect(200);
    const keys = (o: object) => Object.keys(o).sort();
    const drift = schema.properties.drift.properties;
    expect(keys(body)).toEqual(keys(schema.properties));
    expect(keys(body.drift)).toEqual(keys(drift));
    expect(drift.status.enum).toContain(body.drift.status);
    for (const item of body.drift.items) {
      expect(keys(drift.items.items.properties)).toEqual(
        expect.arrayContaining(keys(item)),
      );
    }
    for (const workload of body.drift.workloads) {
      expect(keys(drift.workloads.items.properties)).toEqual(keys(workload));
    }
  });

  it('says drift is unknown when no workload of the entity was seen', async () => {
    const server = await startBackend();
    const { body } = await request(server)
      .get(labelsUrl('unseen'))
      .set(auth)
      .expect(200);
    expect(body.labels['tollgate.dev/cost-center']).toBe('cc-4100');
    expect(body.drift).toEqual({
      window: { from: addDays(today, -6), to: today },
      status: 'unknown',
      workloads: [],
      items: [],
    });
  });

  it('answers 404 for an unknown entity and 403 without permission', async () => {
    const server = await startBackend();
    await request(server).get(labelsUrl('nobody')).set(auth).expect(404);
    const denied = await startBackend({ allow: false });
    const response = await request(denied)
      .get(labelsUrl('summarizer'))
      .set(auth)
      .expect(403);
    expect(response.body.error.message).toContain('finops.cost.read');
  });
});
