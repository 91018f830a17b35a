import { mockCredentials } from '@backstage/backend-test-utils';
import { todayUtc } from '@tollgate/plugin-finops-common';
import request from 'supertest';
import {
  SUMMARIZER,
  owner,
  outsider,
  startBackend,
} from './__testUtils__/startActionsBackend';

jest.setTimeout(60_000);

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
