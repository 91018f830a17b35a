import {
  startPolicyTestBackend,
  userHeader,
} from './__testUtils__/startPolicyTestBackend';

jest.setTimeout(120_000);

const TRIAGE = 'component:default/ticket-triage';
const owner = userHeader('alice');
const otherTeam = userHeader('bob');
const finance = userHeader('fiona');

type Call = Awaited<ReturnType<typeof startPolicyTestBackend>>['call'];
let call: Call;
let stop: () => Promise<void>;

beforeAll(async () => {
  const started = await startPolicyTestBackend();
  call = started.call;
  stop = () => started.backend.stop();
});

afterAll(() => stop?.());

function budget(scope: object, amount = '10.00') {
  return { scope, amount, currency: 'USD', period: 'month' };
}

/** Expects 403 with the message naming the permission (and the entity it is on). */
async function expectRefused(
  answer: Promise<{ status: number; body: any }>,
  permission: string,
  resourceRef?: string,
) {
  const { status, body } = await answer;
  expect({ status, message: body.error?.message }).toEqual({
    status: 403,
    message: `You are not allowed to do this: permission ${permission} is required${
      resourceRef ? ` on ${resourceRef}` : ''
    }`,
  });
}

/**
 * Creates, replaces and deletes a budget as `allowed`, expecting each refused to
 * `refused`; answers the statuses `allowed` got.
 */
async function editAsEach(options: {
  scope: object;
  allowed: string;
  refused: string[];
  permission: string;
  resourceRef?: string;
}) {
  const { scope, allowed, refused, permission, resourceRef } = options;
  for (const who of refused) {
    await expectRefused(
      call(who, 'POST', '/v1/budgets', budget(scope)),
      permission,
      resourceRef,
    );
  }
  const created = await call(allowed, 'POST', '/v1/budgets', budget(scope));
  const path = `/v1/budgets/${created.body.id}`;
  for (const who of refused) {
    await expectRefused(
      call(who, 'PUT', path, budget(scope, '20')),
      permission,
      resourceRef,
    );
    await expectRefused(call(who, 'DELETE', path), permission, resourceRef);
  }
  const replaced = await call(allowed, 'PUT', path, budget(scope, '20'));
  const deleted = await call(allowed, 'DELETE', path);
  return [
    created.status,
    replaced.status,
    replaced.body.amount,
    deleted.status,
  ];
}

describe('the demo permission policy on the finops write routes', () => {
  it("lets only the owning team's members edit a capability's budget", async () => {
    expect(
      await editAsEach({
        scope: { entityRef: TRIAGE },
        allowed: owner,
        refused: [otherTeam, finance],
        permission: 'finops.budget.update',
        resourceRef: TRIAGE,
      }),
    ).toEqual([201, 200, '20.00', 204]);
  });

  it("lets only the team's members edit a team budget, checked on its Group", async () => {
    expect(
      await editAsEach({
        scope: { team: 'customer-experience' },
        allowed: owner,
        refused: [otherTeam, finance],
        permission: 'finops.budget.update',
        resourceRef: 'group:default/customer-experience',
      }),
    ).toEqual([201, 200, '20.00', 204]);
    // bob's own team
    const commerce = await call(
      otherTeam,
      'POST',
      '/v1/budgets',
      budget({ team: 'commerce' }),
    );
    expect(commerce.status).toBe(201);
    await call(otherTeam, 'DELETE', `/v1/budgets/${commerce.body.id}`);
  });

  it('lets only finance edit a cost center budget', async () => {
    expect(
      await editAsEach({
        scope: { costCenter: 'cc-cx-2200' },
        allowed: finance,
        refused: [owner, otherTeam],
        permission: 'finops.budget.costCenter.update',
      }),
    ).toEqual([201, 200, '20.00', 204]);
  });

  it('lets only finance run a cost source', async () => {
    const path = '/v1/sources/focus:invoices/run?from=2026-01-01&to=2026-01-01';
    for (const who of [owner, otherTeam]) {
      await expectRefused(call(who, 'POST', path), 'finops.ingest.run');
    }
    const run = await call(finance, 'POST', path);
    expect([run.status, run.body.sourceId]).toEqual([200, 'focus:invoices']);
  });

  it('lets every signed-in user report usage and reserve, commit and release', async () => {
    // an entity budget makes the budget snapshot know the catalog
    const made = await call(
      owner,
      'POST',
      '/v1/budgets',
      budget({ entityRef: TRIAGE }, '100'),
    );
    expect(made.status).toBe(201);
    for (const [i, who] of [owner, otherTeam, finance].entries()) {
      const usage = await call(who, 'POST', '/v1/usage', {
        events: [
          {
            id: `policy-test-${i}`,
            timestamp: new Date().toISOString(),
            entityRef: TRIAGE,
            provider: 'openai',
            model: 'gpt-4o',
            cost: { amount: '0.10', currency: 'USD' },
          },
        ],
      });
      expect([usage.status, usage.body.accepted]).toEqual([200, 1]);
      const reserved = await call(who, 'POST', '/v1/guardrails/reservations', {
        entityRef: TRIAGE,
        estimatedCost: '0.50',
      });
      expect([reserved.status, reserved.body.decision]).toEqual([200, 'allow']);
      const committed = await call(
        who,
        'POST',
        `/v1/guardrails/reservations/${reserved.body.reservationId}/commit`,
        { cost: { amount: '0.40', currency: 'USD' } },
      );
      expect([committed.status, committed.body.status]).toEqual([
        200,
        'committed',
      ]);
      const held = await call(who, 'POST', '/v1/guardrails/reservations', {
        entityRef: TRIAGE,
        estimatedCost: '0.50',
      });
      const released = await call(
        who,
        'DELETE',
        `/v1/guardrails/reservations/${held.body.reservationId}`,
      );
      expect([released.status, released.body.status]).toEqual([
        200,
        'released',
      ]);
    }
    expect(
      (await call(owner, 'DELETE', `/v1/budgets/${made.body.id}`)).status,
    ).toBe(204);
  });

  it("lets only the owning team acknowledge a capability's budget alert", async () => {
    const made = await call(
      owner,
      'POST',
      '/v1/budgets',
      budget({ entityRef: TRIAGE }, '1.00'),
    );
    expect(made.status).toBe(201);
    // 0.60 of 1.00 USD: the 50 percent threshold
    await call(owner, 'POST', '/v1/usage', {
      events: [
        {
          id: 'policy-test-alert',
          timestamp: new Date().toISOString(),
          entityRef: TRIAGE,
          provider: 'openai',
          model: 'gpt-4o',
          cost: { amount: '0.60', currency: 'USD' },
        },
      ],
    });
    let alertId: string | undefined;
    for (let i = 0; !alertId && i < 100; i++) {
      const alerts = await call(
        owner,
        'GET',
        `/v1/alerts?entityRef=${TRIAGE}&status=open`,
      );
      alertId = alerts.body.items?.[0]?.id;
      if (!alertId) await new Promise(resolve => setTimeout(resolve, 100));
    }
    expect(alertId).toBeDefined();
    const path = `/v1/alerts/${alertId}/acknowledge`;
    for (const who of [otherTeam, finance]) {
      await expectRefused(
        call(who, 'POST', path),
        'finops.budget.update',
        TRIAGE,
      );
    }
    const acknowledged = await call(owner, 'POST', path);
    expect([acknowledged.status, acknowledged.body.acknowledgedBy]).toEqual([
      200,
      'user:default/alice',
    ]);
  });

  it('lets every signed-in user read costs and the summary', async () => {
    for (const who of [owner, otherTeam, finance]) {
      const cost = await call(
        who,
        'GET',
        '/v1/entities/component/default/ticket-triage/cost?from=2026-01-01&to=2026-01-31',
      );
      const summary = await call(
        who,
        'GET',
        '/v1/summary?from=2026-01-01&to=2026-01-31',
      );
      expect([cost.status, summary.status]).toEqual([200, 200]);
    }
  });
});
