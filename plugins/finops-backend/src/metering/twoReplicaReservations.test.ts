import { TestBackend, mockCredentials } from '@backstage/backend-test-utils';
import {
  formatMicros,
  parseMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import request from 'supertest';
import {
  dropReplicaDatabase,
  postgresConnectionString as connectionString,
  startPostgresReplica,
} from '../__testUtils__/startPostgresReplica';

jest.setTimeout(120_000);

const describeWithPostgres = connectionString ? describe : describe.skip;

const ENTITY = 'component:default/agent-runtime';
const auth = { Authorization: mockCredentials.user.header() };

function startReplica(prefix: string): Promise<TestBackend> {
  return startPostgresReplica(prefix, {
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'agent-runtime',
          namespace: 'default',
          annotations: {
            'tollgate.dev/budget': '100 USD/month',
            'tollgate.dev/budget-enforcement': 'hard',
          },
        },
        spec: { type: 'service', owner: 'group:default/agents' },
      },
    ],
  });
}

/** A deterministic generator of amounts, so that a failure can be replayed. */
function amounts(seed: number) {
  let state = seed;
  return (minCents: number, maxCents: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return minCents + (state % (maxCents - minCents + 1));
  };
}

describeWithPostgres('reservations on two backends sharing PostgreSQL', () => {
  const prefix = `tollgate_reserve_${process.pid}_`;
  const backends: TestBackend[] = [];

  beforeAll(async () => {
    await dropReplicaDatabase(prefix);
  });

  afterAll(async () => {
    await Promise.all(backends.map(backend => backend.stop()));
  });

  it("counts a stopped backend's open reservation until it expires, and never twice", async () => {
    const other = `${prefix}stop_`;
    await dropReplicaDatabase(other);
    const first = await startReplica(other);
    const second = await startReplica(other);
    try {
      const reserve = (
        backend: TestBackend,
        estimatedCost: string,
        ttl?: number,
      ) =>
        request(backend.server)
          .post('/api/finops/v1/guardrails/reservations')
          .set(auth)
          .send({
            entityRef: ENTITY,
            estimatedCost,
            ...(ttl ? { ttlSeconds: ttl } : {}),
          })
          .expect(200);
      for (const backend of [first, second]) {
        for (let i = 0; i < 100; i++) {
          const check = await request(backend.server)
            .get('/api/finops/v1/guardrails/check')
            .query({ entityRef: ENTITY, estimatedCost: '0' })
            .set(auth);
          if (check.status === 200) break;
          await new Promise(resolve => setTimeout(resolve, 200));
        }
      }
      const held = await reserve(first, '90.00', 2);
      expect(held.body.decision).toBe('warn');
      await first.stop();

      const denied = await reserve(second, '20.00');
      expect(denied.body).toMatchObject({
        decision: 'deny',
        budget: { spent: '90.00', remaining: '10.00' },
      });
      await new Promise(resolve => setTimeout(resolve, 2100));
      const allowed = await reserve(second, '20.00');
      expect(allowed.body.decision).toBe('allow');
      // the expired reservation cannot be committed late, so it never counts twice
      await request(second.server)
        .post(
          `/api/finops/v1/guardrails/reservations/${held.body.reservationId}/commit`,
        )
        .set(auth)
        .send({ cost: { amount: '90.00', currency: 'USD' } })
        .expect(409);
    } finally {
      await second.stop();
    }
  });

  it('never lets 50 concurrent agents commit past a 100 USD hard budget, and lose no commit', async () => {
    backends.push(await startReplica(prefix), await startReplica(prefix));
    // the first budget snapshot of each replica
    for (const { server } of backends) {
      for (let i = 0; i < 100; i++) {
        const check = await request(server)
          .get('/api/finops/v1/guardrails/check')
          .query({ entityRef: ENTITY, estimatedCost: '0' })
          .set(auth);
        if (check.status === 200) break;
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    }

    let committedMicros = 0n;
    const denials: any[] = [];
    async function agent(n: number) {
      const next = amounts(n + 1);
      for (let round = 0; round < 8; round++) {
        const { server } = backends[(n + round) % 2];
        const estimate = next(50, 500);
        const reserved = await request(server)
          .post('/api/finops/v1/guardrails/reservations')
          .set(auth)
          .send({
            entityRef: ENTITY,
            estimatedCost: formatMicros(BigInt(estimate) * 10_000n),
            agentId: `agent-${n}`,
          })
          .expect(200);
        if (reserved.body.decision === 'deny') {
          denials.push(reserved.body);
          continue;
        }
        // the call costs up to what was reserved; commit on either replica
        const actual =
          BigInt(next(Math.ceil(estimate / 2), estimate)) * 10_000n;
        const committed = await request(backends[(n + round + 1) % 2].server)
          .post(
            `/api/finops/v1/guardrails/reservations/${reserved.body.reservationId}/commit`,
          )
          .set(auth)
          .send({ cost: { amount: formatMicros(actual), currency: 'USD' } })
          .expect(200);
        committedMicros += parseMicros(committed.body.committed)!;
      }
    }
    await Promise.all(Array.from({ length: 50 }, (_, n) => agent(n)));

    expect(committedMicros).toBeLessThanOrEqual(100_000_000n);
    expect(committedMicros).toBeGreaterThan(80_000_000n);
    expect(denials.length).toBeGreaterThan(0);
    for (const denial of denials) {
      expect(denial.budget).toMatchObject({
        id: `annotation:${ENTITY}`,
        remaining: expect.any(String),
      });
      expect(denial.reason).toContain(
        'hard budget of component:default/agent-runtime',
      );
    }
    // every commit is in the entity's spend, on either replica
    const today = todayUtc();
    for (const { server } of backends) {
      const cost = await request(server)
        .get(
          `/api/finops/v1/entities/component/default/agent-runtime/cost?from=${today}&to=${today}`,
        )
        .set(auth)
        .expect(200);
      expect(parseMicros(cost.body.total)).toBe(committedMicros);
    }
  });
});
