import { Entity } from '@backstage/catalog-model';
import { DayWindow, enumerateDays } from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';
const WORKER = 'component:default/summarizer-worker';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/outcome-query':
          'sum(increase(summaries_delivered_total[1d]))',
        'tollgate.dev/outcome-unit': 'summary',
      },
    },
    spec: { type: 'capability', owner: 'group:default/ml' },
    relations: [{ type: 'hasPart', targetRef: WORKER }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer-worker', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/ml' },
    relations: [{ type: 'partOf', targetRef: SUMMARIZER }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'plain', namespace: 'default' },
    spec: { type: 'capability', owner: 'group:default/ml' },
  },
];

const USD = 1_000_000n;
/** Spend per entity and day, in micro-units. */
const spend: Array<[string, string, bigint]> = [
  [SUMMARIZER, '2026-10-25', 15n * USD],
  [SUMMARIZER, '2026-11-01', 10n * USD],
  [SUMMARIZER, '2026-11-02', 20n * USD],
  // A part's spend rolls up into the summarizer.
  [WORKER, '2026-11-02', 5n * USD],
];
/** Usage metrics: entity, day, metric, value, labels. */
const usage: Array<[string, string, string, number, Record<string, string>?]> =
  [
    [SUMMARIZER, '2026-10-25', 'outcomes', 6],
    [SUMMARIZER, '2026-11-01', 'outcomes', 4],
    [SUMMARIZER, '2026-11-02', 'outcomes', 3],
    [SUMMARIZER, '2026-11-01', 'http.requests', 3000, { status: '200' }],
    [SUMMARIZER, '2026-11-02', 'http.requests', 900, { status: '200' }],
    [SUMMARIZER, '2026-11-02', 'http.requests', 100, { status: '500' }],
  ];

class FixtureSource implements CostSource {
  readonly id = 'fixture';
  readonly type = 'fixture';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    const days = new Set(enumerateDays(window));
    for (const [entityRef, day, billedCostMicros] of spend) {
      if (!days.has(day)) continue;
      yield outputTokenSpend(day, entityRef, billedCostMicros);
    }
    for (const [entityRef, day, metric, value, labels] of usage) {
      if (!days.has(day)) continue;
      yield {
        type: 'metric',
        metric: {
          day,
          entityRef,
          metric,
          value,
          ...(labels ? { labels } : {}),
        },
      };
    }
  }
}

async function startBackend(options: { allow?: boolean } = {}) {
  const { server, run } = await startFinopsTestBackend({
    sources: [new FixtureSource()],
    entities,
    allow: options.allow,
  });
  if (options.allow !== false) await run('fixture', '2026-10-20', '2026-11-10');
  return server;
}

const unitCostUrl = (name: string) =>
  `/api/finops/v1/entities/component/default/${name}/unit-cost?from=2026-11-01&to=2026-11-10`;

describe('GET /v1/entities/{kind}/{namespace}/{name}/unit-cost', () => {
  it('answers cost per outcome and per 1,000 requests, against the period before and by day', async () => {
    const server = await startBackend();
    const { body } = await request(server)
      .get(unitCostUrl('summarizer'))
      .set(auth)
      .expect(200);
    expect(body).toMatchObject({
      entityRef: SUMMARIZER,
      from: '2026-11-01',
      to: '2026-11-10',
      currency: 'USD',
      outcome: {
        query: 'sum(increase(summaries_delivered_total[1d]))',
        unit: 'summary',
      },
      spend: '35.00',
      previousSpend: '15.00',
      // 35 USD for 7 outcomes, 15 USD for 6 the 10 days before
      costPerOutcome: {
        units: 7,
        previousUnits: 6,
        cost: '5.00',
        previousCost: '2.50',
        change: 1,
      },
      // 35 USD for 4,000 requests; none before
      costPer1kRequests: {
        units: 4000,
        previousUnits: 0,
        cost: '8.75',
        previousCost: null,
        change: null,
      },
    });
    expect(body.daily).toHaveLength(10);
    expect(body.daily.slice(0, 3)).toEqual([
      {
        day: '2026-11-01',
        spend: '10.00',
        outcomes: 4,
        requests: 3000,
        costPerOutcome: '2.50',
        costPer1kRequests: '3.333333',
      },
      {
        day: '2026-11-02',
        spend: '25.00',
        outcomes: 3,
        requests: 1000,
        costPerOutcome: '8.333333',
        costPer1kRequests: '25.00',
      },
      {
        day: '2026-11-03',
        spend: '0.00',
        outcomes: 0,
        requests: 0,
        costPerOutcome: null,
        costPer1kRequests: null,
      },
    ]);
  });

  it('answers without an outcome query and without usage', async () => {
    const server = await startBackend();
    const { body } = await request(server)
      .get(unitCostUrl('plain'))
      .set(auth)
      .expect(200);
    expect(body.outcome).toBeNull();
    expect(body.costPerOutcome).toEqual({
      units: 0,
      previousUnits: 0,
      cost: null,
      previousCost: null,
      change: null,
    });
    expect(body.daily[0].costPerOutcome).toBeNull();
  });

  it('answers the fields openapi.yaml documents', async () => {
    const spec = parse(
      readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    const schema =
      spec.paths['/v1/entities/{kind}/{namespace}/{name}/unit-cost'].get
        .responses['200'].content['application/json'].schema;
    const comparison = spec.components.schemas.UnitCostComparison;
    const server = await startBackend();
    const { body } = await request(server)
      .get(unitCostUrl('summarizer'))
      .set(auth)
      .expect(200);
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(body)).toEqual(keys(schema.properties));
    expect(keys(body)).toEqual([...schema.required].sort());
    expect(keys(body.outcome)).toEqual(
      keys(schema.properties.outcome.properties),
    );
    expect(keys(body.costPerOutcome)).toEqual(keys(comparison.properties));
    expect(keys(body.daily[0])).toEqual(
      keys(schema.properties.daily.items.properties),
    );
  });

  it('answers 400 for a bad window, 404 for an unknown entity and 403 without permission', async () => {
    const server = await startBackend();
    await request(server)
      .get(
        '/api/finops/v1/entities/component/default/summarizer/unit-cost?from=yesterday',
      )
      .set(auth)
      .expect(400);
    await request(server).get(unitCostUrl('nobody')).set(auth).expect(404);
    const denied = await startBackend({ allow: false });
    const response = await request(denied)
      .get(unitCostUrl('summarizer'))
      .set(auth)
      .expect(403);
    expect(response.body.error.message).toContain('finops.cost.read');
  });
});
