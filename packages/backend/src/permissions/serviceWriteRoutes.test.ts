import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { startPolicyTestBackend } from './__testUtils__/startPolicyTestBackend';

jest.setTimeout(120_000);

/** The demo's external access tokens, as app-config.yaml declares them. */
const externalAccess = parse(
  readFileSync(resolve(__dirname, '../../../../app-config.yaml'), 'utf8'),
).backend.auth.externalAccess as Array<{
  options: { token: string; subject: string };
}>;
const tokenOf = (subject: string) =>
  `Bearer ${
    externalAccess.find(e => e.options.subject === subject)!.options.token
  }`;
const gateway = tokenOf('demo-gateway');
/** A token without restrictions, which the test adds: Backstage allows it anything. */
const ADMIN_TOKEN = 'tollgate-test-admin-token-5be0c1';
const admin = `Bearer ${ADMIN_TOKEN}`;

const TRIAGE = 'component:default/ticket-triage';

type Call = Awaited<ReturnType<typeof startPolicyTestBackend>>['call'];
let call: Call;
let stop: () => Promise<void>;

beforeAll(async () => {
  const started = await startPolicyTestBackend({
    staticTokens: {
      config: {
        backend: {
          auth: {
            externalAccess: [
              ...externalAccess,
              {
                type: 'static',
                options: { token: ADMIN_TOKEN, subject: 'test-admin' },
              },
            ],
          },
        },
      },
      readyAuthorization: admin,
    },
  });
  call = started.call;
  stop = () => started.backend.stop();
});

afterAll(() => stop?.());

function budget(scope: object, amount = '10.00') {
  return { scope, amount, currency: 'USD', period: 'month' };
}

function usage(id: string, amount: string) {
  return {
    events: [
      {
        id,
        timestamp: new Date().toISOString(),
        entityRef: TRIAGE,
        provider: 'openai',
        model: 'gpt-4o',
        cost: { amount, currency: 'USD' },
      },
    ],
  };
}

async function expectRefused(
  answer: Promise<{ status: number; body: any }>,
  permission: string,
) {
  const { status, body } = await answer;
  expect([status, body.error?.message]).toEqual([
    403,
    expect.stringContaining(`permission ${permission} is required`),
  ]);
}

describe('the demo gateway token, restricted in app-config.yaml', () => {
  it('reports usage, reserves, commits and releases, and reads an entity through the catalog', async () => {
    // an API budget makes the budget snapshot know the catalog
    const made = await call(
      admin,
      'POST',
      '/v1/budgets',
      budget({ entityRef: TRIAGE }, '100'),
    );
    expect(made.status).toBe(201);

    const reported = await call(
      gateway,
      'POST',
      '/v1/usage',
      usage('g-1', '0.10'),
    );
    expect([reported.status, reported.body.accepted]).toEqual([200, 1]);
    const reserve = () =>
      call(gateway, 'POST', '/v1/guardrails/reservations', {
        entityRef: TRIAGE,
        estimatedCost: '0.50',
      });
    const reserved = await reserve();
    expect([reserved.status, reserved.body.decision]).toEqual([200, 'allow']);
    const committed = await call(
      gateway,
      'POST',
      `/v1/guardrails/reservations/${reserved.body.reservationId}/commit`,
      { cost: { amount: '0.40', currency: 'USD' } },
    );
    expect(committed.status).toBe(200);
    const held = await reserve();
    const released = await call(
      gateway,
      'DELETE',
      `/v1/guardrails/reservations/${held.body.reservationId}`,
    );
    expect([released.status, released.body.status]).toEqual([200, 'released']);

    // finops reads the entity from the catalog on the gateway's behalf
    const metering = await call(
      gateway,
      'GET',
      '/v1/entities/component/default/ticket-triage/metering',
    );
    expect(metering.status).toBe(200);
    await call(admin, 'DELETE', `/v1/budgets/${made.body.id}`);
  });

  it('edits no budget, runs no source and acknowledges no alert', async () => {
    await expectRefused(
      call(gateway, 'POST', '/v1/budgets', budget({ entityRef: TRIAGE })),
      'finops.budget.update',
    );
    await expectRefused(
      call(gateway, 'POST', '/v1/budgets', budget({ team: 'commerce' })),
      'finops.budget.update',
    );
    await expectRefused(
      call(gateway, 'POST', '/v1/budgets', budget({ costCenter: 'cc-1' })),
      'finops.budget.costCenter.update',
    );
    for (const [scope, permission] of [
      [{ entityRef: TRIAGE }, 'finops.budget.update'],
      [{ team: 'commerce' }, 'finops.budget.update'],
      [{ costCenter: 'cc-1' }, 'finops.budget.costCenter.update'],
    ] as const) {
      const made = await call(
        admin,
        'POST',
        '/v1/budgets',
        budget(scope, '1.00'),
      );
      expect(made.status).toBe(201);
      const path = `/v1/budgets/${made.body.id}`;
      await expectRefused(
        call(gateway, 'PUT', path, budget(scope)),
        permission,
      );
      await expectRefused(call(gateway, 'DELETE', path), permission);
    }
    await expectRefused(
      call(
        gateway,
        'POST',
        '/v1/sources/focus:invoices/run?from=2026-01-01&to=2026-01-01',
      ),
      'finops.ingest.run',
    );

    // past 50 percent of ticket-triage's 1.00 USD: an alert
    await call(gateway, 'POST', '/v1/usage', usage('g-alert', '0.60'));
    let alertId: string | undefined;
    for (let i = 0; !alertId && i < 100; i++) {
      const alerts = await call(
        gateway,
        'GET',
        `/v1/alerts?entityRef=${TRIAGE}&status=open`,
      );
      alertId = alerts.body.items?.[0]?.id;
      if (!alertId) await new Promise(r => setTimeout(r, 100));
    }
    expect(alertId).toBeDefined();
    await expectRefused(
      call(gateway, 'POST', `/v1/alerts/${alertId}/acknowledge`),
      'finops.budget.update',
    );
    const acknowledged = await call(
      admin,
      'POST',
      `/v1/alerts/${alertId}/acknowledge`,
    );
    expect([acknowledged.status, acknowledged.body.acknowledgedBy]).toEqual([
      200,
      'test-admin',
    ]);
  });
});
