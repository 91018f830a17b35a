import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import finopsPlugin from '@tollgate/plugin-finops-backend';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { guardCall } from './guardCall';
import { GuardrailDeniedError, TollgateClient } from './TollgateClient';

jest.setTimeout(60_000);

const penny: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'penny',
    namespace: 'default',
    annotations: {
      'tollgate.dev/budget': '0.01 USD/month',
      'tollgate.dev/budget-enforcement': 'hard',
    },
  },
  spec: { type: 'capability', owner: 'group:default/ml' },
};

/** A call of gpt-4o-mini that reports 10 input and 5 output tokens. */
function modelCall(made: string[], maxOutputTokens = 100) {
  return {
    provider: 'openai',
    model: 'gpt-4o-mini',
    promptTokens: 10,
    maxOutputTokens,
    call: async () => {
      made.push('called');
      return 'answer';
    },
    usage: () => ({
      provider: 'openai',
      model: 'gpt-4o-mini',
      tokens: { input: 10, output: 5 },
    }),
  };
}

/** The address of a port nothing listens on any more. */
async function closedPort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}

describe('guardCall', () => {
  it('fails closed by default and open when asked, where Tollgate cannot be reached', async () => {
    const client = new TollgateClient({
      baseUrl: await closedPort(),
      token: 'token',
    });
    const made: string[] = [];
    await expect(
      guardCall(
        { client, entityRef: 'component:default/penny' },
        modelCall(made),
      ),
    ).rejects.toThrow();
    expect(made).toEqual([]);

    const unavailable: unknown[] = [];
    await expect(
      guardCall(
        {
          client,
          entityRef: 'component:default/penny',
          onUnavailable: error => unavailable.push(error),
        },
        modelCall(made),
      ),
    ).resolves.toBe('answer');
    expect(made).toEqual(['called']);
    expect(unavailable).toHaveLength(1);
  });

  it('still refuses a denied call when failing open, and counts a commit Tollgate missed', async () => {
    const backend = await startTestBackend({
      features: [
        finopsPlugin,
        catalogServiceMock.factory({ entities: [penny] }),
      ],
    });
    const client = new TollgateClient({
      baseUrl: `http://127.0.0.1:${backend.server.port()}`,
      token: mockCredentials.user.token(),
    });
    const unavailable: unknown[] = [];
    const options = {
      client,
      entityRef: 'component:default/penny',
      onUnavailable: (error: unknown) => unavailable.push(error),
    };
    const made: string[] = [];
    try {
      // 10,000,000 output tokens of gpt-4o-mini are far past a cent
      await expect(
        guardCall(options, modelCall(made, 10_000_000)),
      ).rejects.toBeInstanceOf(GuardrailDeniedError);
      expect(made).toEqual([]);
      expect(unavailable).toEqual([]);

      // Tollgate goes away while the call is made: the answer stands, the commit is counted
      const call = modelCall(made);
      const answer = await guardCall(options, {
        ...call,
        call: async () => {
          await backend.stop();
          return call.call();
        },
      });
      expect(answer).toBe('answer');
      expect(made).toEqual(['called']);
      expect(unavailable).toHaveLength(1);
    } finally {
      await backend.stop();
    }
  });
});
