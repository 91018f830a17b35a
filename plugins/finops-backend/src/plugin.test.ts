import {
  CostRecord,
  DayWindow,
  enumerateDays,
} from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from './__testUtils__/startFinopsTestBackend';
import { capabilityComponent } from './__testUtils__/testEntities';

jest.setTimeout(60_000);

const entities = [
  capabilityComponent('summarizer', {
    annotations: { 'tollgate.dev/cost-center': 'cc-4100' },
  }),
  capabilityComponent('unlabelled'),
];

/**
 * A source of known daily usage: 1.25 USD of gpt-4o input tokens per day for the
 * summarizer, 0.10 USD of unattributable spend; it fails while `broken` is set.
 */
class KnownSource implements CostSource {
  readonly id = 'known:daily';
  readonly type = 'known';
  readonly schedule = { frequency: { trigger: 'manual' as const } };
  broken = false;

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      if (this.broken) {
        throw new Error('upstream answered 500');
      }
      const base: CostRecord = {
        day,
        provider: 'openai',
        service: 'OpenAI API',
        model: 'gpt-4o',
        dimensionKind: 'tokenType',
        dimension: 'input',
        quantity: 500_000n * 1_000_000n,
        unit: 'tokens',
        billedCostMicros: 1_250_000n,
        currency: 'USD',
      };
      yield {
        type: 'cost',
        record: { ...base, entityRef: 'component:default/summarizer' },
      };
      yield { type: 'cost', record: { ...base, billedCostMicros: 100_000n } };
    }
  }
}

async function startBackend(options: { allow?: boolean } = {}) {
  const source = new KnownSource();
  const { server } = await startFinopsTestBackend({
    sources: [source],
    entities,
    config: { tollgate: { ingestion: { attempts: 2, retryDelaySeconds: 0 } } },
    allow: options.allow,
  });
  return { server, source };
}

const costUrl = '/api/finops/v1/entities/component/default/summarizer/cost';

describe('finops backend', () => {
  it('answers health without credentials and refuses other routes without them', async () => {
    const { server } = await startBackend();
    const health = await request(server).get('/api/finops/health');
    expect([health.status, health.body]).toEqual([200, { status: 'ok' }]);
    const refused = await Promise.all([
      request(server).get('/api/finops/v1/summary'),
      request(server).get('/api/finops/v1/sources'),
      request(server).post('/api/finops/v1/sources/known:daily/run'),
    ]);
    expect(refused.map(r => r.status)).toEqual([401, 401, 401]);
  });

  it('runs a source on demand and serves entity cost and the summary to the cent', async () => {
    const { server } = await startBackend();
    const run = await request(server)
      .post(
        '/api/finops/v1/sources/known:daily/run?from=2026-11-01&to=2026-11-04',
      )
      .set(auth)
      .expect(200);
    expect(run.body).toMatchObject({
      status: 'succeeded',
      daysDone: 4,
      daysTotal: 4,
      recordsWritten: 8,
    });

    const cost = await request(server)
      .get(`${costUrl}?from=2026-11-01&to=2026-11-04&groupBy=tokenType`)
      .set(auth)
      .expect(200);
    expect(cost.body).toMatchObject({
      entityRef: 'component:default/summarizer',
      total: '5.00',
      previousTotal: '0.00',
      breakdown: [
        { key: 'input', cost: '5.00', quantity: '2000000', unit: 'tokens' },
      ],
    });
    expect(cost.body.daily).toHaveLength(4);

    const summary = await request(server)
      .get(
        '/api/finops/v1/summary?from=2026-11-01&to=2026-11-04&groupBy=costCenter',
      )
      .set(auth)
      .expect(200);
    expect(summary.body).toMatchObject({
      total: '5.40',
      unallocated: '0.40',
      groups: [
        { key: 'cc-4100', cost: '5.00' },
        { key: '(unallocated)', cost: '0.40' },
      ],
    });

    // running the same and overlapping windows again never double counts
    await request(server)
      .post(
        '/api/finops/v1/sources/known:daily/run?from=2026-11-01&to=2026-11-04',
      )
      .set(auth)
      .expect(200);
    await request(server)
      .post(
        '/api/finops/v1/sources/known:daily/run?from=2026-11-03&to=2026-11-05',
      )
      .set(auth)
      .expect(200);
    const again = await request(server)
      .get(`${costUrl}?from=2026-11-01&to=2026-11-04`)
      .set(auth)
      .expect(200);
    expect(again.body.total).toBe('5.00');

    const csv = await request(server)
      .get('/api/finops/v1/export/focus?from=2026-11-01&to=2026-11-01')
      .set(auth)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(
      /^BilledCost,ListCost,EffectiveCost,BillingCurrency,ChargePeriodStart/,
    );
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain(
      '1.25,1.25,1.25,USD,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z',
    );
  });

  it('keeps earlier data when a source fails, and shows it as stale with the error', async () => {
    const { server, source } = await startBackend();
    await request(server)
      .post(
        '/api/finops/v1/sources/known:daily/run?from=2026-11-01&to=2026-11-02',
      )
      .set(auth)
      .expect(200);
    source.broken = true;
    const failed = await request(server)
      .post(
        '/api/finops/v1/sources/known:daily/run?from=2026-11-01&to=2026-11-02',
      )
      .set(auth)
      .expect(200);
    expect(failed.body).toMatchObject({ status: 'failed', daysDone: 0 });
    expect(failed.body.error).toContain('upstream answered 500');

    const cost = await request(server)
      .get(`${costUrl}?from=2026-11-01&to=2026-11-02`)
      .set(auth)
      .expect(200);
    expect(cost.body.total).toBe('2.50');
    const sources = await request(server)
      .get('/api/finops/v1/sources')
      .set(auth)
      .expect(200);
    expect(sources.body.items).toEqual([
      expect.objectContaining({
        id: 'known:daily',
        stale: true,
        running: false,
        lastError: expect.stringContaining('upstream answered 500'),
      }),
    ]);
  });

  it('names the bad query parameter', async () => {
    const { server } = await startBackend();
    const bad = async (query: string, message: string) => {
      const response = await request(server)
        .get(`${costUrl}?${query}`)
        .set(auth)
        .expect(400);
      expect(response.body.error.message).toContain(message);
    };
    await bad(
      'from=2026-02-30',
      'Query parameter from has invalid value "2026-02-30"',
    );
    await bad('to=yesterday', 'Query parameter to');
    await bad('from=2026-11-05&to=2026-11-01', 'must not be after');
    await bad(
      'groupBy=colour',
      'Query parameter groupBy has invalid value "colour"',
    );
    await bad('from=2026-01-01&from=2026-01-02', 'given more than once');
    await request(server)
      .get('/api/finops/v1/entities/component/default/nobody/cost')
      .set(auth)
      .expect(404);
    await request(server)
      .post('/api/finops/v1/sources/none/run')
      .set(auth)
      .expect(404);
  });

  it('serves Kubernetes labels and governance findings', async () => {
    const { server } = await startBackend();
    const labels = await request(server)
      .get('/api/finops/v1/entities/component/default/summarizer/labels')
      .set(auth)
      .expect(200);
    expect(labels.body.labels).toEqual({
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/team': 'ml',
      'backstage.io/kubernetes-id': 'summarizer',
    });
    expect(labels.body.openCost[0].reportedAs).toBe('tollgate_dev_cost_center');

    const findings = await request(server)
      .get('/api/finops/v1/governance/findings?level=advisory')
      .set(auth)
      .expect(200);
    expect(findings.body.byTeam).toEqual([
      { team: 'ml', entities: 2, fullyLabelled: 1 },
    ]);
    expect(findings.body.items).toEqual([
      expect.objectContaining({
        ruleId: 'cost-center-required',
        entityRef: 'component:default/unlabelled',
        level: 'advisory',
      }),
    ]);
    await request(server)
      .get('/api/finops/v1/governance/findings?level=loud')
      .set(auth)
      .expect(400);
  });

  it('refuses without permission, naming it', async () => {
    const { server } = await startBackend({ allow: false });
    const response = await request(server).get(costUrl).set(auth).expect(403);
    expect(response.body.error.message).toContain('finops.cost.read');
    const run = await request(server)
      .post('/api/finops/v1/sources/known:daily/run')
      .set(auth)
      .expect(403);
    expect(run.body.error.message).toContain('finops.ingest.run');
  });
});
