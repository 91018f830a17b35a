import Anthropic from '@anthropic-ai/sdk';
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import finopsPlugin from '@tollgate/plugin-finops-backend';
import { todayUtc } from '@tollgate/plugin-finops-common';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import OpenAI from 'openai';
import { guardAnthropic } from './guardAnthropic';
import { guardOpenAI } from './guardOpenAI';
import { GuardrailDeniedError, TollgateClient } from './TollgateClient';

jest.setTimeout(60_000);

const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

function capability(name: string, budget: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'tollgate.dev/budget': budget,
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: { type: 'capability', owner: 'group:default/ml' },
  };
}

/** Answers the vendors' recorded responses, or 500 while `failing`; counts requests. */
async function startVendorReplay() {
  const state = { requests: [] as string[], failing: false };
  const server: Server = createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      if (state.failing) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          '{"error":{"message":"upstream failed","type":"server_error"}}',
        );
        return;
      }
      const body =
        req.url === '/v1/chat/completions'
          ? fixture('openai-chat-completion.json')
          : fixture('anthropic-message.json');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { state, url, close: () => server.close() };
}

describe('the guardrail client with the real SDKs', () => {
  it('reserves, calls, commits the usage the vendors report, and denies or releases', async () => {
    const backend = await startTestBackend({
      features: [
        finopsPlugin,
        catalogServiceMock.factory({
          entities: [
            capability('summarizer', '10 USD/month'),
            capability('penny', '0.01 USD/month'),
          ],
        }),
      ],
    });
    const vendor = await startVendorReplay();
    try {
      const baseUrl = `http://127.0.0.1:${backend.server.port()}`;
      const client = new TollgateClient({
        baseUrl,
        token: mockCredentials.user.token(),
      });
      const openai = guardOpenAI(
        new OpenAI({
          apiKey: 'sk-test',
          baseURL: `${vendor.url}/v1`,
          maxRetries: 0,
        }),
        {
          client,
          entityRef: 'component:default/summarizer',
          agentId: 'helper',
        },
      );
      const anthropic = guardAnthropic(
        new Anthropic({
          apiKey: 'sk-ant-test',
          baseURL: vendor.url,
          maxRetries: 0,
        }),
        { client, entityRef: 'component:default/summarizer' },
      );

      const completion = await openai.chat.completions.create({
        model: 'gpt-4.1-2025-04-14',
        messages: [{ role: 'user', content: 'Hello!' }],
        max_completion_tokens: 100,
      });
      expect(completion.choices[0].message.content).toBe(
        'Hello! How can I assist you today?',
      );
      const message = await anthropic.messages.create({
        model: 'claude-sonnet-4-20250514',
        max_tokens: 1024,
        messages: [{ role: 'user', content: 'Hello, Claude' }],
      });
      expect(message.content[0]).toMatchObject({
        text: 'Hi! My name is Claude.',
      });

      // OpenAI: 19 input tokens at 2.00/M and 10 output at 8.00/M = 0.000118
      // Anthropic: 2,095 input at 3.00/M (0.006285), 503 output at 15.00/M (0.007545),
      // 2,051 cache reads at 0.30/M (0.000615) and 2,051 cache writes at 3.75/M
      // (0.007691) = 0.022136
      const today = todayUtc();
      const cost = await fetch(
        `${baseUrl}/api/finops/v1/entities/component/default/summarizer/cost?from=${today}&to=${today}&groupBy=model`,
        { headers: { authorization: mockCredentials.user.header() } },
      ).then(r => r.json());
      expect(cost.total).toBe('0.022254');
      expect(cost.breakdown).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            key: 'gpt-4.1-2025-04-14',
            cost: '0.000118',
          }),
          expect.objectContaining({
            key: 'claude-sonnet-4-20250514',
            cost: '0.022136',
          }),
        ]),
      );

      // a denied call is not made
      const made = vendor.state.requests.length;
      const penny = guardOpenAI(
        new OpenAI({
          apiKey: 'sk-test',
          baseURL: `${vendor.url}/v1`,
          maxRetries: 0,
        }),
        { client, entityRef: 'component:default/penny' },
      );
      const denied = penny.chat.completions.create({
        model: 'gpt-4.1-2025-04-14',
        messages: [{ role: 'user', content: 'Hello!' }],
        max_completion_tokens: 10_000,
      });
      await expect(denied).rejects.toBeInstanceOf(GuardrailDeniedError);
      await expect(denied).rejects.toThrow(
        'Denied: the hard budget of component:default/penny',
      );
      expect(vendor.state.requests).toHaveLength(made);

      // a failed call releases its reservation: the whole budget is there again
      vendor.state.failing = true;
      await expect(
        anthropic.messages.create({
          model: 'claude-sonnet-4-20250514',
          max_tokens: 400_000,
          messages: [{ role: 'user', content: 'Hello, Claude' }],
        }),
      ).rejects.toThrow();
      vendor.state.failing = false;
      const again = await client.reserve({
        entityRef: 'component:default/summarizer',
        estimatedCost: '9.90',
      });
      expect(again.decision).not.toBe('deny');
      await client.release(again.reservationId!);
    } finally {
      vendor.close();
      await backend.stop();
    }
  });
});
