import {
  GuardrailDeniedError,
  TollgateClient,
} from '@tollgate/finops-guardrail-client';
import { ModelCallGuard } from './modelCallGuard';
import { vendorAnswer } from './vendorMessages';

/** Tollgate's metering routes as a fetch: what was asked, and a decision to answer. */
function tollgate(decision: 'allow' | 'deny' | 'down') {
  const asked: Array<{ method: string; path: string; body?: any }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(url)).pathname.replace('/api/finops/v1', '');
    asked.push({
      method: init?.method ?? 'GET',
      path,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    if (decision === 'down') throw new TypeError('fetch failed');
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200 });
    if (path === '/prices/models') {
      return json({
        provider: 'openai',
        model: 'gpt-4o-mini',
        currency: 'USD',
        perMillionTokens: { input: '0.15', output: '0.60' },
      });
    }
    if (path === '/guardrails/reservations') {
      return json(
        decision === 'allow'
          ? { decision: 'allow', reservationId: 'r1' }
          : { decision: 'deny', reason: 'Denied: over budget' },
      );
    }
    return json({});
  };
  const client = new TollgateClient({
    baseUrl: 'http://backstage.test',
    token: 'token',
    fetch: fetch as typeof globalThis.fetch,
  });
  return { guard: new ModelCallGuard(client, 'component:default/x'), asked };
}

const answer = vendorAnswer(
  'OpenAI',
  'gpt-4o-mini',
  { input: 900, cache_read: 100, output: 50, cache_creation: 0 },
  '1',
);
const call = (make: () => Promise<unknown>) => ({
  provider: 'OpenAI',
  model: 'gpt-4o-mini',
  promptTokens: 1000,
  maxOutputTokens: 1024,
  call: make,
  responseBody: (body: unknown) => body,
});

describe('ModelCallGuard', () => {
  it('reserves the most a call may cost, then commits what the vendor reports', async () => {
    const { guard, asked } = tollgate('allow');
    await expect(guard.run(call(async () => answer))).resolves.toBe(answer);
    // 1000 × 0.15 + 1024 × 0.60 per million, rounded up to the micro-dollar
    expect(asked[1]).toMatchObject({
      method: 'POST',
      path: '/guardrails/reservations',
      body: { entityRef: 'component:default/x', estimatedCost: '0.000765' },
    });
    expect(asked[2]).toMatchObject({
      path: '/guardrails/reservations/r1/commit',
      body: {
        provider: 'openai',
        model: 'gpt-4o-mini',
        tokens: { input: 900, cacheRead: 100, output: 50 },
      },
    });
  });

  it('releases the reservation of a call that fails', async () => {
    const { guard, asked } = tollgate('allow');
    await expect(
      guard.run(call(() => Promise.reject(new Error('503')))),
    ).rejects.toThrow('503');
    expect(asked.at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/guardrails/reservations/r1',
    });
  });

  it('makes no call that Tollgate denies', async () => {
    const { guard } = tollgate('deny');
    const make = jest.fn(async () => answer);
    await expect(guard.run(call(make))).rejects.toBeInstanceOf(
      GuardrailDeniedError,
    );
    expect(make).not.toHaveBeenCalled();
  });

  it('calls unmetered while Tollgate cannot answer, and counts it', async () => {
    const { guard } = tollgate('down');
    await expect(guard.run(call(async () => answer))).resolves.toBe(answer);
    expect(guard.unmetered).toBe(1);
  });
});
