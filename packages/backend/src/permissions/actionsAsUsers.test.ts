import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  startPolicyTestBackend,
  userHeader,
} from './__testUtils__/startPolicyTestBackend';

jest.setTimeout(120_000);

const TRIAGE = 'component:default/ticket-triage';

type Call = Awaited<ReturnType<typeof startPolicyTestBackend>>['call'];

/** Invokes a finops action as whoever the Authorization header names. */
function invoker(call: Call) {
  return (authorization: string | undefined, name: string, input: object) =>
    call(
      authorization,
      'POST',
      `/.backstage/actions/v1/actions/finops:${name}/invoke`,
      input,
    );
}

/** Every finops action with an input it answers, the writing ones last. */
const READS: Array<[string, object]> = [
  ['get-entity-cost', { entityRef: TRIAGE, groupBy: 'agent' }],
  ['get-cost-summary', { groupBy: 'team' }],
  ['explain-cost-change', { entityRef: TRIAGE }],
  ['get-budget-status', { entityRef: TRIAGE }],
  ['list-open-alerts', { entityRef: TRIAGE }],
  ['get-entity-scorecard', { entityRef: TRIAGE }],
  ['check-guardrail', { entityRef: TRIAGE, estimatedCost: '0.10' }],
];

/**
 * Makes and removes a budget, each of which refreshes the budget snapshot: the one
 * taken as the backend started may predate the catalog's entities, and the guardrail
 * answers from it.
 */
async function refreshBudgetSnapshot(call: Call, authorization: string) {
  const made = await call(authorization, 'POST', '/v1/budgets', {
    scope: { entityRef: 'component:default/checkout' },
    amount: '10.00',
    currency: 'USD',
    period: 'month',
  });
  expect(made.status).toBe(201);
  await call(authorization, 'DELETE', `/v1/budgets/${made.body.id}`);
}

/** Reserves, commits, reserves again and releases: answers the statuses. */
async function reserveCommitRelease(
  invoke: ReturnType<typeof invoker>,
  who: string,
) {
  const reserved = await invoke(who, 'reserve-budget', {
    entityRef: TRIAGE,
    estimatedCost: '0.50',
  });
  const committed = await invoke(who, 'commit-reservation', {
    reservationId: reserved.body.output?.reservationId,
    usage: { cost: { amount: '0.40', currency: 'USD' } },
  });
  const held = await invoke(who, 'reserve-budget', {
    entityRef: TRIAGE,
    estimatedCost: '0.50',
  });
  const released = await invoke(who, 'release-reservation', {
    reservationId: held.body.output?.reservationId,
  });
  return [
    reserved.status,
    committed.body.output?.status ?? committed.body.error?.message,
    released.body.output?.status ?? released.body.error?.message,
  ];
}

describe('the finops actions under the demo permission policy', () => {
  describe('as users', () => {
    let call: Call;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      const started = await startPolicyTestBackend();
      call = started.call;
      stop = () => started.backend.stop();
      await refreshBudgetSnapshot(call, userHeader('bob'));
    });
    afterAll(() => stop?.());

    it('lets the owner, another team and finance read, check and reserve; refuses no one signed in', async () => {
      const invoke = invoker(call);
      const users = {
        owner: userHeader('alice'),
        otherTeam: userHeader('bob'),
        finance: userHeader('fiona'),
      };
      for (const [kind, who] of Object.entries(users)) {
        for (const [name, input] of READS) {
          const answer = await invoke(who, name, input);
          expect([kind, name, answer.status]).toEqual([kind, name, 200]);
        }
        expect([kind, ...(await reserveCommitRelease(invoke, who))]).toEqual([
          kind,
          200,
          'committed',
          'released',
        ]);
      }
      for (const [name, input] of READS) {
        const anonymous = await invoke(undefined, name, input);
        expect([name, anonymous.status]).toEqual([name, 401]);
      }
    });
  });

  describe('as the demo gateway service token', () => {
    const externalAccess = parse(
      readFileSync(resolve(__dirname, '../../../../app-config.yaml'), 'utf8'),
    ).backend.auth.externalAccess as Array<{
      options: { token: string; subject: string };
    }>;
    const gateway = `Bearer ${
      externalAccess.find(e => e.options.subject === 'demo-gateway')!.options
        .token
    }`;
    /** A token without restrictions, which the test adds to make a budget. */
    const admin = 'Bearer tollgate-test-admin-token-8c21d7';
    let call: Call;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      const adminToken = {
        type: 'static',
        options: { token: admin.slice(7), subject: 'test-admin' },
      };
      const started = await startPolicyTestBackend({
        staticTokens: {
          config: {
            backend: {
              auth: { externalAccess: [...externalAccess, adminToken] },
            },
          },
          readyAuthorization: gateway,
        },
      });
      call = started.call;
      stop = () => started.backend.stop();
      await refreshBudgetSnapshot(call, admin);
    });
    afterAll(() => stop?.());

    it('reads, checks and reserves within the permissions its token names', async () => {
      const invoke = invoker(call);
      for (const [name, input] of READS) {
        const answer = await invoke(gateway, name, input);
        expect([name, answer.status]).toEqual([name, 200]);
      }
      expect(await reserveCommitRelease(invoke, gateway)).toEqual([
        200,
        'committed',
        'released',
      ]);
      const forged = await invoke('Bearer not-a-token', 'get-entity-cost', {
        entityRef: TRIAGE,
      });
      expect(forged.status).toBe(401);
    });
  });
});
