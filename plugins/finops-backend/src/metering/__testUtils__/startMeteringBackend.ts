import { Entity } from '@backstage/catalog-model';
import { todayUtc } from '@tollgate/plugin-finops-common';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../../__testUtils__/startFinopsTestBackend';
import { capabilityComponent } from '../../__testUtils__/testEntities';
import { waitForBudgetSnapshot } from '../../__testUtils__/waitForBudgetSnapshot';

export const SUMMARIZER = 'component:default/summarizer';

export const entities: Entity[] = [
  capabilityComponent('summarizer', {
    annotations: {
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/budget': '10 USD/month',
      'tollgate.dev/budget-enforcement': 'hard',
    },
  }),
];

/** gpt-4o at 2.50, 10.00 and 1.25 USD per million input, output and cached tokens. */
export function tokensEvent(id: string, overrides: object = {}) {
  return {
    id,
    timestamp: new Date().toISOString(),
    entityRef: SUMMARIZER,
    provider: 'openai',
    model: 'gpt-4o',
    tokens: {
      input: 1_000_000,
      output: 200_000,
      reasoning: 50_000,
      cacheRead: 400_000,
    },
    agentId: 'triage-agent',
    sessionId: 'conversation-1',
    ...overrides,
  };
}

export async function startBackend() {
  const backend = await startFinopsTestBackend({ entities });
  const { server } = backend;
  const today = todayUtc();
  await waitForBudgetSnapshot(server, SUMMARIZER);
  return {
    ...backend,
    report: (events: unknown[]) =>
      request(server).post('/api/finops/v1/usage').set(auth).send({ events }),
    reserve: (body: object) =>
      request(server)
        .post('/api/finops/v1/guardrails/reservations')
        .set(auth)
        .send({ entityRef: SUMMARIZER, ...body }),
    cost: async () =>
      (
        await request(server)
          .get(
            `/api/finops/v1/entities/component/default/summarizer/cost?from=${today}&to=${today}&groupBy=tokenType`,
          )
          .set(auth)
          .expect(200)
      ).body,
  };
}
