import { readApiBilling } from '@tollgate/plugin-finops-common';
import { parse } from 'yaml';
import {
  annotations,
  entitiesOf,
  errorOf,
} from './__testUtils__/capabilityEntities';

describe('capabilityToEntities', () => {
  describe('billing tags', () => {
    const spec = (consumes: string) => `
naftiko: "1"
info: { label: Triage }
capability:
  consumes:
${consumes}
`;

    it('maps operation tags to x-tollgate-billing and adapter tags to the granularity', () => {
      const [component, api] = entitiesOf(
        spec(`
    - type: http
      namespace: openai
      baseUri: https://api.openai.com/v1
      tags: [paid-tier, LLM]
      resources:
        - name: chat
          path: /chat/completions
          tags: [metered]
          operations:
            - { name: chat, method: POST, tags: [chargeable, generation] }
            - { name: chat-stream, method: POST }
        - name: model
          path: "/models/{{model_id}}"
          operations:
            - { name: get-model, tags: [free] }
            - { name: delete-model, method: DELETE }
`),
      );
      expect(component.spec?.consumesApis).toEqual([
        'api:default/triage-openai',
      ]);
      expect(annotations(api)['tollgate.dev/billing-granularity']).toBe(
        'paid-tier',
      );
      expect(api.metadata.tags).toEqual(['llm']);
      const billing = readApiBilling(api);
      expect(billing).toEqual({
        granularity: 'paid-tier',
        hosts: ['api.openai.com'],
        problems: [],
        operations: [
          {
            operationId: 'chat',
            method: 'POST',
            path: '/chat/completions',
            billing: 'chargeable',
          },
          {
            operationId: 'chat-stream',
            method: 'POST',
            path: '/chat/completions#chat-stream',
            billing: 'metered',
          },
          {
            operationId: 'get-model',
            method: 'GET',
            path: '/models/{model_id}',
            billing: 'free',
          },
          {
            operationId: 'delete-model',
            method: 'DELETE',
            path: '/models/{model_id}',
          },
        ],
      });
      const definition = parse(api.spec?.definition as string);
      expect(definition.paths['/chat/completions'].post.tags).toEqual([
        'generation',
      ]);
      expect(
        definition.paths['/chat/completions#chat-stream'].post[
          'x-naftiko-path'
        ],
      ).toBe('/chat/completions');
    });

    it('rejects conflicting operation billing tags, naming the adapter and operation', () => {
      expect(
        errorOf(
          spec(`
    - type: http
      namespace: openai
      resources:
        - name: chat
          path: /chat
          operations:
            - { name: chat, method: POST, tags: [chargeable, free] }
`),
        ),
      ).toBe(
        'consumes "openai" operation "chat" has conflicting billing tags chargeable, free: expected one of chargeable, metered, free',
      );
    });

    it('rejects conflicting granularity tags', () => {
      expect(
        errorOf(
          spec(
            '    - { type: http, namespace: openai, tags: [free-tier, metered] }',
          ),
        ),
      ).toBe(
        'consumes "openai" has conflicting billing tags free-tier, metered: expected one of free, free-tier, paid-tier, metered, quota-limited',
      );
    });

    it('rejects one operation name declared twice on the same method and path', () => {
      expect(
        errorOf(
          spec(`
    - type: http
      namespace: openai
      resources:
        - { name: a, path: /a, operations: [{ name: x }] }
        - { name: b, path: /a, operations: [{ name: x }] }
`),
        ),
      ).toBe(
        'consumes "openai": operation "x" is declared twice: expected unique operation names',
      );
    });
  });
});
