import {
  BackstageCredentials,
  PermissionsService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CostRecord,
  DayWindow,
  enumerateDays,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import { startFinopsTestBackend } from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';
const OWNER = 'user:default/owner';
const OUTSIDER = 'user:default/outsider';
const owner = { Authorization: mockCredentials.user.header(OWNER) };
const outsider = { Authorization: mockCredentials.user.header(OUTSIDER) };

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'ml',
      namespace: 'default',
      annotations: { 'tollgate.dev/budget': '1000 USD/month' },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/cost-center': 'cc-4100',
        'tollgate.dev/budget': '50 USD/month',
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: {
      type: 'capability',
      owner: 'group:default/ml',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/ml' }],
  },
];

/** The earlier week, then the later one: claude's input tokens come in the later week. */
const EARLIER: DayWindow = { from: '2026-10-01', to: '2026-10-07' };
const LATER: DayWindow = { from: '2026-10-08', to: '2026-10-14' };

function spend(day: string, model: string, dimension: string, usd: bigint) {
  const record: CostRecord = {
    day,
    entityRef: SUMMARIZER,
    provider: model.startsWith('claude') ? 'anthropic' : 'openai',
    service: 'AI API',
    model,
    dimensionKind: 'tokenType',
    dimension,
    billedCostMicros: usd * 1_000_000n,
    currency: 'USD',
  };
  return { type: 'cost' as const, record };
}

class TwoWeeksSource implements CostSource {
  readonly id = 'two-weeks';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      yield spend(day, 'gpt-4o', 'output', 1n);
      if (day >= LATER.from) {
        yield spend(day, 'claude-sonnet-4', 'input', 3n);
      }
    }
  }
}

/**
 * Permissions as a policy would decide them for this test: the outsider may not read
 * the summarizer's cost, everyone may do everything else.
 */
const permissions: PermissionsService = {
  async authorize(requests, options) {
    return requests.map(r => ({
      result:
        userOf(options.credentials) === OUTSIDER &&
        'resourceRef' in r &&
        r.resourceRef === SUMMARIZER
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
  },
  async authorizeConditional(queries) {
    return queries.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
};

function userOf(credentials: BackstageCredentials) {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal?.userEntityRef;
}

async function startBackend() {
  const backend = await startFinopsTestBackend({
    entities,
    sources: [new TwoWeeksSource()],
    features: [
      actionsRegistryServiceFactory,
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
    ],
  });
  await backend.run('two-weeks', EARLIER.from, LATER.to);
  const { server } = backend;
  const invoke = (
    name: string,
    input: object,
    auth: Record<string, string> = owner,
  ) =>
    request(server)
      .post(`/api/finops/.backstage/actions/v1/actions/finops:${name}/invoke`)
      .set(auth)
      .send(input);
  const rest = async (path: string, auth: Record<string, string> = owner) =>
    (await request(server).get(`/api/finops${path}`).set(auth).expect(200))
      .body;
  // the budget snapshot sees the spend once the run has refreshed it
  for (let i = 0; i < 50; i++) {
    const status = await rest(
      '/v1/entities/component/default/summarizer/budget',
    );
    if (status.own) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { ...backend, invoke, rest };
}

describe('finops actions', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend?.stop());

  it('lists every action with attributes that say what it does', async () => {
    const { body } = await request(backend.server)
      .get('/api/finops/.backstage/actions/v1/actions')
      .set(owner)
      .expect(200);
    const byId = Object.fromEntries(
      body.actions.map((a: any) => [a.id, a.attributes]),
    );
    const readOnly = { readOnly: true, destructive: false, idempotent: true };
    expect(byId).toEqual({
      'finops:get-entity-cost': readOnly,
      'finops:get-cost-summary': readOnly,
      'finops:explain-cost-change': readOnly,
      'finops:get-budget-status': readOnly,
      'finops:list-open-alerts': readOnly,
      'finops:get-entity-scorecard': readOnly,
      'finops:check-guardrail': readOnly,
      'finops:get-reconciliation': readOnly,
      'finops:reserve-budget': {
        readOnly: false,
        destructive: false,
        idempotent: false,
      },
      'finops:commit-reservation': {
        readOnly: false,
        destructive: false,
        idempotent: true,
      },
      'finops:release-reservation': {
        readOnly: false,
        destructive: true,
        idempotent: true,
      },
    });
    const cost = body.actions.find((a: any) => a.name === 'get-entity-cost');
    expect(cost.schema.input).toMatchObject({
      type: 'object',
      required: ['entityRef'],
      additionalProperties: false,
    });
  });

  it('answers an entity cost and the summary as the REST routes do', async () => {
    const { invoke, rest } = backend;
    const window = `from=${LATER.from}&to=${LATER.to}`;
    const cost = await invoke('get-entity-cost', {
      entityRef: SUMMARIZER,
      ...LATER,
      groupBy: 'model',
    }).expect(200);
    expect(cost.body.output).toEqual(
      await rest(
        `/v1/entities/component/default/summarizer/cost?${window}&groupBy=model`,
      ),
    );
    expect(cost.body.output.total).toBe('28.00');

    const summary = await invoke('get-cost-summary', {
      ...LATER,
      groupBy: 'entity',
      top: 1,
    }).expect(200);
    const { daily: _daily, ...restSummary } = await rest(
      `/v1/summary?${window}&groupBy=entity`,
    );
    expect(summary.body.output).toMatchObject(restSummary);
    expect(summary.body.output.topSpenders).toEqual([
      { key: SUMMARIZER, cost: '28.00', previousCost: '7.00' },
    ]);
    expect(summary.body.output.movers).toEqual([
      { key: SUMMARIZER, cost: '28.00', previousCost: '7.00', change: '21.00' },
    ]);
  });

  it('explains a change by the dimension and key that moved most', async () => {
    const { body } = await backend
      .invoke('explain-cost-change', { entityRef: SUMMARIZER, ...LATER })
      .expect(200);
    expect(body.output).toMatchObject({
      previousPeriod: EARLIER,
      total: '28.00',
      previousTotal: '7.00',
      change: '21.00',
      movedMost: {
        dimension: 'model',
        key: 'claude-sonnet-4',
        cost: '21.00',
        previousCost: '0.00',
        change: '21.00',
      },
    });
    expect(body.output.summary).toBe(
      'Spend rose by 21.00 USD; model "claude-sonnet-4" moved most, from 0.00 to 21.00 USD (+21.00).',
    );
    const tokenTypes = body.output.dimensions.find(
      (d: any) => d.dimension === 'tokenType',
    );
    expect(tokenTypes.changes[0]).toEqual({
      key: 'input',
      cost: '21.00',
      previousCost: '0.00',
      change: '21.00',
    });
  });

  it('answers budget status, alerts and the scorecard as the REST routes do', async () => {
    const { invoke, rest } = backend;
    const entityBudget = await rest(
      '/v1/entities/component/default/summarizer/budget',
    );
    const status = await invoke('get-budget-status', {
      entityRef: SUMMARIZER,
    }).expect(200);
    expect(status.body.output.budgets).toEqual([
      entityBudget.own,
      ...entityBudget.inherited,
    ]);
    const team = await invoke('get-budget-status', { team: 'ml' }).expect(200);
    expect(team.body.output.budgets).toEqual([
      await rest('/v1/teams/ml/budget'),
    ]);
    const missing = await invoke('get-budget-status', {
      costCenter: 'cc-none',
    }).expect(404);
    expect(missing.body.error.message).toBe(
      'No budget for cost center cc-none',
    );

    const alerts = await invoke('list-open-alerts', {}).expect(200);
    expect(alerts.body.output).toEqual(await rest('/v1/alerts?status=open'));
    const scorecard = await invoke('get-entity-scorecard', {
      entityRef: SUMMARIZER,
    }).expect(200);
    expect(scorecard.body.output).toEqual(
      await rest('/v1/entities/component/default/summarizer/scorecard'),
    );
  });

  it('checks, reserves, commits and releases, and a session is denied at its cap', async () => {
    const { invoke, rest } = backend;
    const check = await invoke('check-guardrail', {
      entityRef: SUMMARIZER,
      estimatedCost: '1.50',
    }).expect(200);
    const { snapshotAt: _at, ...restCheck } = await rest(
      `/v1/guardrails/check?entityRef=${SUMMARIZER}&estimatedCost=1.50`,
    );
    expect(check.body.output).toMatchObject(restCheck);

    const session = { agentId: 'triage-agent', sessionId: `s-${Date.now()}` };
    const capped = { ...session, maxSessionCost: '1.00' };
    const first = await invoke('reserve-budget', {
      entityRef: SUMMARIZER,
      estimatedCost: '0.60',
      ...capped,
    }).expect(200);
    expect(first.body.output).toMatchObject({
      decision: expect.stringMatching(/allow|warn/),
      session: { id: session.sessionId, cap: '1.00', remaining: '1.00' },
    });
    const over = await invoke('reserve-budget', {
      entityRef: SUMMARIZER,
      estimatedCost: '0.60',
      ...capped,
    }).expect(200);
    expect(over.body.output.decision).toBe('deny');
    expect(over.body.output.reservationId).toBeUndefined();
    expect(over.body.output.reason).toContain(session.sessionId);

    const id = first.body.output.reservationId;
    const committed = await invoke('commit-reservation', {
      reservationId: id,
      usage: { cost: { amount: '0.55', currency: 'USD' } },
    }).expect(200);
    expect(committed.body.output).toMatchObject({
      id,
      status: 'committed',
      committed: '0.55',
    });
    await invoke('commit-reservation', {
      reservationId: id,
      usage: { cost: { amount: '0.55', currency: 'USD' } },
    }).expect(200);

    const other = await invoke('reserve-budget', {
      entityRef: SUMMARIZER,
      estimatedCost: '0.10',
    }).expect(200);
    const released = await invoke('release-reservation', {
      reservationId: other.body.output.reservationId,
    }).expect(200);
    expect(released.body.output).toMatchObject({ status: 'released' });
    const releasedTwice = await invoke('release-reservation', {
      reservationId: other.body.output.reservationId,
    }).expect(200);
    expect(releasedTwice.body.output).toEqual(released.body.output);
    const refused = await invoke('release-reservation', {
      reservationId: id,
    }).expect(409);
    expect(refused.body.error.message).toContain('is committed already');
  });

  it('refuses bad input with an error naming the field', async () => {
    const { invoke } = backend;
    const cases: Array<[string, object, string]> = [
      ['get-entity-cost', {}, 'entityRef is required'],
      [
        'get-entity-cost',
        { entityRef: 'summarizer' },
        'entityRef "summarizer" is not an entity ref',
      ],
      [
        'get-entity-cost',
        { entityRef: SUMMARIZER, from: '2026-13-01' },
        'Input field from has invalid value "2026-13-01"',
      ],
      [
        'get-entity-cost',
        { entityRef: SUMMARIZER, groupBy: 'colour' },
        'Input field groupBy has invalid value "colour": expected one of',
      ],
      [
        'get-cost-summary',
        { top: 'all', color: 'red' },
        'top is invalid: Expected number, received string; the input has unknown fields color',
      ],
      [
        'reserve-budget',
        { entityRef: SUMMARIZER, estimatedCost: 0.25 },
        'estimatedCost is invalid: Expected string, received number',
      ],
      [
        'reserve-budget',
        { entityRef: SUMMARIZER, estimatedCost: '-1' },
        'estimatedCost "-1" is not a decimal string of at least 0',
      ],
      [
        'commit-reservation',
        { reservationId: 'x', usage: {} },
        'usage must report exactly one of tokens, calls or cost',
      ],
      [
        'get-budget-status',
        { team: 'ml', costCenter: 'cc-4100' },
        'Give exactly one of entityRef, team or costCenter; the input has team, costCenter',
      ],
      [
        'explain-cost-change',
        { entityRef: SUMMARIZER, previousFrom: '2026-10-01' },
        'Input fields previousFrom and previousTo go together',
      ],
    ];
    for (const [name, input, message] of cases) {
      const response = await invoke(name, input);
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expect(response.body.error.message).toContain(message);
    }
  });

  it("checks the caller's own credentials", async () => {
    const { invoke, server } = backend;
    await request(server)
      .post(
        '/api/finops/.backstage/actions/v1/actions/finops:get-entity-cost/invoke',
      )
      .send({ entityRef: SUMMARIZER })
      .expect(401);
    for (const [name, input] of [
      ['get-entity-cost', { entityRef: SUMMARIZER }],
      ['get-entity-scorecard', { entityRef: SUMMARIZER }],
      ['check-guardrail', { entityRef: SUMMARIZER, estimatedCost: '1' }],
      ['list-open-alerts', { entityRef: SUMMARIZER }],
    ] as const) {
      const refused = await invoke(name, input, outsider).expect(403);
      expect(refused.body.error.message).toBe(
        `You are not allowed to do this: permission finops.cost.read is required on ${SUMMARIZER}`,
      );
    }
    await invoke('get-entity-cost', { entityRef: SUMMARIZER }, owner).expect(
      200,
    );
    await invoke(
      'get-cost-summary',
      { to: todayUtc() },
      { Authorization: mockCredentials.service.header() },
    ).expect(200);
  });
});
