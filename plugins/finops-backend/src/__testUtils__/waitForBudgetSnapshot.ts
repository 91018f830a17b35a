import { Server } from 'node:http';
import request from 'supertest';
import { userAuth } from './startFinopsTestBackend';

/**
 * Waits, five seconds at most, for the first budget snapshot, which is built as the
 * backend starts, to answer a guardrail check of the entity.
 */
export async function waitForBudgetSnapshot(server: Server, entityRef: string) {
  for (let i = 0; i < 50; i++) {
    const check = await request(server)
      .get('/api/finops/v1/guardrails/check')
      .query({ entityRef, estimatedCost: '0' })
      .set(userAuth);
    if (check.status === 200) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
