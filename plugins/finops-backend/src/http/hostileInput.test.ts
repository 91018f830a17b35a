import { Entity } from '@backstage/catalog-model';
import {
  DayWindow,
  addDays,
  enumerateDays,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import fc from 'fast-check';
import request from 'supertest';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(120_000);

const SUMMARIZER = 'component:default/summarizer';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/cost-center': 'cc-4100',
        'tollgate.dev/budget': '100 USD/month',
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: {
      type: 'capability',
      owner: 'group:default/ml',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'indexer', namespace: 'default' },
    spec: {
      type: 'capability',
      owner: 'group:default/search',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: {},
  },
];

/** Spend per day as the test sets it; `silent` never answers until aborted. */
class ScriptedSource implements CostSource {
  readonly id = 'scripted';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };
  perDay = 150_000_000n;
  silent = false;
  /** A day whose fetch breaks after the days before it were yielded. */
  failOn?: string;
  windows: DayWindow[] = [];

  async *fetch(
    window: DayWindow,
    context: { signal: AbortSignal },
  ): AsyncIterable<CostSourceItem> {
    this.windows.push(window);
    if (this.silent) {
      await new Promise((_, reject) =>
        context.signal.addEventListener('abort', () =>
          reject(context.signal.reason),
        ),
      );
    }
    if (this.perDay === 0n) return;
    for (const day of enumerateDays(window)) {
      if (day === this.failOn) throw new Error(`export broke at ${day}`);
      yield outputTokenSpend(day, SUMMARIZER, this.perDay);
    }
  }
}

async function startBackend() {
  const source = new ScriptedSource();
  const backend = await startFinopsTestBackend({
    sources: [source],
    entities,
    config: {
      tollgate: {
        ingestion: {
          manualRunTimeoutSeconds: 1,
          attempts: 1,
          retryDelaySeconds: 0,
        },
      },
    },
  });
  return { ...backend, source };
}

function budget(body: object) {
  return {
    scope: { team: 'search' },
    amount: '40.00',
    currency: 'USD',
    period: 'month',
    ...body,
  };
}

describe('hostile input', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  const today = todayUtc();

  beforeAll(async () => {
    backend = await startBackend();
    await backend.run('scripted', today);
  });
  afterAll(() => backend.stop());

  const post = (body: unknown) =>
    request(backend.server)
      .post('/api/finops/v1/budgets')
      .set(auth)
      .send(body as object);
  const get = (path: string, query: Record<string, string> = {}) =>
    request(backend.server).get(`/api/finops${path}`).query(query).set(auth);

  it('refuses a budget amount past what is stored exactly, before storing anything', async () => {
    for (const amount of [
      '1e400',
      '1e-9999999',
      '9'.repeat(30),
      12345678901234.123456,
    ]) {
      const refused = await post(budget({ amount })).expect(400);
      expect(refused.body.error.message).toContain('amount');
    }
    const listed = await get('/v1/budgets').expect(200);
    expect(listed.body.items.map((s: any) => s.budget.id)).toEqual([
      `annotation:${SUMMARIZER}`,
    ]);
    // every digit of the largest amount kept, on the way in and out
    const exact = await post(budget({ amount: '8999999999999.123456' })).expect(
      201,
    );
    expect(exact.body.amount).toBe('8999999999999.123456');
    const team = await get('/v1/teams/search/budget').expect(200);
    expect(team.body.budget.amount).toBe('8999999999999.123456');
    await request(backend.server)
      .delete(`/api/finops/v1/budgets/${exact.body.id}`)
      .set(auth)
      .expect(204);
  });

  it('refuses budgets for entities that are missing or carry no spend, and unknown currencies', async () => {
    const missing = await post(
      budget({ scope: { entityRef: 'component:default/typo' } }),
    ).expect(400);
    expect(missing.body.error.message).toContain(
      'scope.entityRef "component:default/typo" is not in the catalog',
    );
    const user = await post(
      budget({ scope: { entityRef: 'user:default/jane' } }),
    ).expect(400);
    expect(user.body.error.message).toContain(
      'is a user, which carries no spend',
    );
    const location = await post(
      budget({ scope: { entityRef: 'location:default/x' } }),
    ).expect(400);
    expect(location.body.error.message).toContain('carries no spend');
    const currency = await post(budget({ currency: 'ABC' })).expect(400);
    expect(currency.body.error.message).toContain(
      'currency "ABC" is not an ISO 4217 currency code',
    );
  });

  it('refuses days beyond the supported years at once, on every route that reads a window', async () => {
    for (const path of [
      '/v1/summary',
      `/v1/entities/component/default/summarizer/cost`,
      `/v1/entities/component/default/summarizer/unit-cost`,
      '/v1/export/focus',
    ]) {
      const started = Date.now();
      const refused = await get(path, {
        from: '9999-12-30',
        to: '9999-12-31',
      }).expect(400);
      expect(refused.body.error.message).toContain('from');
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const run = await request(backend.server)
      .post('/api/finops/v1/sources/scripted/run?from=9999-12-30&to=9999-12-31')
      .set(auth)
      .expect(400);
    expect(run.body.error.message).toContain('2999-12-31');
  });

  it('refuses estimates with huge exponents quickly, and stays responsive', async () => {
    for (const estimatedCost of [
      '1e-9999999',
      '1e9999999',
      `0.${'0'.repeat(5000)}1`,
    ]) {
      const started = Date.now();
      const refused = await get('/v1/guardrails/check', {
        entityRef: SUMMARIZER,
        estimatedCost,
      }).expect(400);
      expect(refused.body.error.message).toContain('estimatedCost');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('never lets an estimate in another currency past a hard budget', async () => {
    const eur = await get('/v1/guardrails/check', {
      entityRef: SUMMARIZER,
      estimatedCost: '1',
      currency: 'EUR',
    }).expect(200);
    expect(eur.body).toMatchObject({ decision: 'deny' });
    expect(eur.body.reason).toContain('kept in USD');
    const unknown = await get('/v1/guardrails/check', {
      entityRef: SUMMARIZER,
      estimatedCost: '1',
      currency: 'XYZ',
    }).expect(400);
    expect(unknown.body.error.message).toContain('currency');
  });

  it('clips a run to today, refuses one that begins after it, and keeps spend an empty export would erase', async () => {
    const { server, source } = backend;
    const tomorrow = addDays(today, 1);
    const clipped = await request(server)
      .post(
        `/api/finops/v1/sources/scripted/run?from=${today}&to=${addDays(
          today,
          5,
        )}`,
      )
      .set(auth)
      .expect(200);
    expect(clipped.body.window).toEqual({ from: today, to: today });
    const future = await request(server)
      .post(
        `/api/finops/v1/sources/scripted/run?from=${tomorrow}&to=${tomorrow}`,
      )
      .set(auth)
      .expect(400);
    expect(future.body.error.message).toContain('begins after today');

    source.perDay = 0n;
    const empty = await request(server)
      .post(`/api/finops/v1/sources/scripted/run?from=${today}&to=${today}`)
      .set(auth)
      .expect(200);
    source.perDay = 150_000_000n;
    expect(empty.body.status).toBe('failed');
    expect(empty.body.error).toContain('returned no cost records');
    const cost = await get('/v1/entities/component/default/summarizer/cost', {
      from: today,
      to: today,
    }).expect(200);
    expect(cost.body.total).toBe('150.00');
  });

  it('wholly keeps a run window whose last day fails, never mixing two exports', async () => {
    const { server, source } = backend;
    const from = addDays(today, -3);
    const period = { from, to: today };
    await backend.run('scripted', from, today);
    const before = await get(
      '/v1/entities/component/default/summarizer/cost',
      period,
    ).expect(200);
    expect(before.body.total).toBe('600.00');

    source.perDay = 1_000_000n;
    source.failOn = today;
    const failed = await request(server)
      .post(`/api/finops/v1/sources/scripted/run?from=${from}&to=${today}`)
      .set(auth)
      .expect(200);
    source.perDay = 150_000_000n;
    source.failOn = undefined;
    expect(failed.body).toMatchObject({ status: 'failed', daysDone: 0 });
    expect(failed.body.error).toBe(
      `${today}..${today}: export broke at ${today}`,
    );
    const after = await get(
      '/v1/entities/component/default/summarizer/cost',
      period,
    ).expect(200);
    expect(after.body.total).toBe('600.00');
  });

  it('gives up a manual run on a silent source within its timeout, saying so', async () => {
    const { server, source } = backend;
    source.silent = true;
    const started = Date.now();
    const run = await request(server)
      .post(`/api/finops/v1/sources/scripted/run?from=${today}&to=${today}`)
      .set(auth)
      .expect(200);
    source.silent = false;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.body.status).toBe('failed');
    expect(run.body.error).toContain('gave up after 1 s');
  });

  it('answers any query with 2xx or 4xx, never 5xx, in bounded time', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        today,
        '9999-12-31',
        '1969-12-31',
        '2026-02-30',
        '1e-99999',
        '1e99999',
        '-1',
        'NaN',
        SUMMARIZER,
        'user:default/jane',
        'EUR',
        'USD',
      ),
    );
    const query = fc.record(
      {
        from: value,
        to: value,
        groupBy: value,
        entityRef: value,
        estimatedCost: value,
        currency: value,
        status: value,
      },
      { requiredKeys: [] },
    );
    const path = fc.constantFrom(
      '/v1/summary',
      '/v1/entities/component/default/summarizer/cost',
      '/v1/entities/component/default/summarizer/unit-cost',
      '/v1/entities/component/default/summarizer/budget',
      '/v1/guardrails/check',
      '/v1/alerts',
      '/v1/export/focus',
      '/v1/governance/findings',
    );
    await fc.assert(
      fc.asyncProperty(path, query, async (route, params) => {
        const started = Date.now();
        const response = await get(route, params as Record<string, string>);
        expect(response.status).toBeLessThan(500);
        expect(Date.now() - started).toBeLessThan(5000);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'scope',
            'amount',
            'currency',
            'period',
            'thresholds',
            'enforcement',
            'other',
          ),
          fc.oneof(fc.anything(), value),
        ),
        async body => {
          const response = await post(body).ok(() => true);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(value, value, async (from, to) => {
        const response = await request(backend.server)
          .post('/api/finops/v1/sources/scripted/run')
          .query({ from, to })
          .set(auth)
          .ok(() => true);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
