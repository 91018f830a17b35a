import { todayUtc } from '@tollgate/plugin-finops-common';
import fc from 'fast-check';
import request from 'supertest';
import { userAuth as auth } from '../__testUtils__/startFinopsTestBackend';
import {
  SUMMARIZER,
  tokensEvent,
  startBackend,
} from './__testUtils__/startMeteringBackend';

jest.setTimeout(60_000);

describe('POST /v1/usage', () => {
  it('prices tokens through the price book, counts an event id once, and the guardrail sees it within a second', async () => {
    const { server, report, cost, stop } = await startBackend();
    try {
      const first = await report([tokensEvent('call-1')]).expect(200);
      expect(first.body).toEqual({ accepted: 1, duplicates: [] });
      const again = await report([
        tokensEvent('call-1'),
        tokensEvent('call-2', { tokens: { input: 400_000 } }),
      ]).expect(200);
      expect(again.body).toEqual({ accepted: 1, duplicates: ['call-1'] });

      const spent = await cost();
      expect(spent.total).toBe('6.50');
      expect(spent.breakdown).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'input', cost: '3.50' }),
          expect.objectContaining({ key: 'output', cost: '2.50' }),
          expect.objectContaining({ key: 'cache-read', cost: '0.50' }),
        ]),
      );

      const started = Date.now();
      let decision;
      do {
        decision = await request(server)
          .get('/api/finops/v1/guardrails/check')
          .query({ entityRef: SUMMARIZER, estimatedCost: '4' })
          .set(auth)
          .expect(200);
      } while (
        decision.body.decision !== 'deny' &&
        Date.now() - started < 1000
      );
      expect(decision.body).toMatchObject({
        decision: 'deny',
        budget: { spent: '6.50' },
      });
    } finally {
      await stop();
    }
  });

  it('refuses a report with a bad event, naming its index and field, and stores none of it', async () => {
    const { report, cost, stop } = await startBackend();
    try {
      const bad = await report([
        tokensEvent('ok-1'),
        tokensEvent('bad-1', { tokens: { input: -5 } }),
      ]).expect(400);
      expect(bad.body.error.message).toBe(
        'events[1].tokens.input -5 is not a whole number of at least 0',
      );
      const unknown = await report([
        tokensEvent('ok-2'),
        tokensEvent('bad-2', { model: 'no-such-model' }),
      ]).expect(400);
      expect(unknown.body.error.message).toContain(
        'events[1].model: the price book has no input price for openai no-such-model',
      );
      const twoMeasures = await report([
        { ...tokensEvent('bad-3'), cost: { amount: '1', currency: 'USD' } },
      ]).expect(400);
      expect(twoMeasures.body.error.message).toBe(
        'events[0] must report exactly one of tokens, calls or cost; it has tokens, cost',
      );
      const future = await report([
        tokensEvent('bad-4', { timestamp: '2999-01-01T00:00:00Z' }),
      ]).expect(400);
      expect(future.body.error.message).toContain('events[0].timestamp');
      expect((await cost()).total).toBe('0.00');
    } finally {
      await stop();
    }
  });
});

describe('GET /v1/prices/models', () => {
  it('answers what the price book charges per million tokens, and 404 for a model it does not know', async () => {
    const { server, stop } = await startBackend();
    try {
      const prices = await request(server)
        .get('/api/finops/v1/prices/models?provider=OpenAI&model=gpt-4o')
        .set(auth)
        .expect(200);
      expect(prices.body).toEqual({
        provider: 'openai',
        model: 'gpt-4o',
        day: todayUtc(),
        currency: 'USD',
        perMillionTokens: {
          input: '2.50',
          output: '10.00',
          'cache-read': '1.25',
        },
      });
      await request(server)
        .get('/api/finops/v1/prices/models?provider=openai&model=no-such-model')
        .set(auth)
        .expect(404);
      await request(server)
        .get('/api/finops/v1/prices/models?provider=openai')
        .set(auth)
        .expect(400);
    } finally {
      await stop();
    }
  });
});

describe('hostile usage reports and reservations', () => {
  it('answer any body with 2xx or 4xx, never 5xx', async () => {
    const { server, stop } = await startBackend();
    try {
      const value = fc.oneof(
        fc.anything(),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(
          SUMMARIZER,
          'openai',
          'gpt-4o',
          '1e-99999',
          '9'.repeat(40),
          '2026-11-20T10:00:00Z',
          -1,
          1e300,
          JSON.parse('{"toString":false}'),
        ),
      );
      const fields = fc.dictionary(
        fc.constantFrom(
          'id',
          'timestamp',
          'entityRef',
          'provider',
          'model',
          'tokens',
          'calls',
          'cost',
          'estimatedCost',
          'currency',
          'ttlSeconds',
          'idempotencyKey',
          'agentId',
        ),
        fc.oneof(value, fc.dictionary(fc.string({ maxLength: 10 }), value)),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            '/api/finops/v1/usage',
            '/api/finops/v1/guardrails/reservations',
            '/api/finops/v1/guardrails/reservations/x/commit',
          ),
          fields,
          fc.boolean(),
          async (path, body, wrapped) => {
            const response = await request(server)
              .post(path)
              .set(auth)
              .send(wrapped ? { events: [body] } : body)
              .ok(() => true);
            expect(response.status).toBeLessThan(500);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      await stop();
    }
  });
});
