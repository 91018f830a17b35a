import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import {
  evaluateGovernance,
  readApiBilling,
} from '@tollgate/plugin-finops-common';
import path from 'node:path';
import { expectValid } from './__testUtils__/expectValidEntity';
import { memoryCache } from './__testUtils__/memoryCache';
import { FIXTURES, processor, read } from './__testUtils__/naftikoProcessor';

describe('NaftikoCapabilityProcessor', () => {
  beforeEach(() => jest.resetAllMocks());

  it('leaves other location types to other processors', async () => {
    const results: CatalogProcessorResult[] = [];
    await expect(
      processor().readLocation(
        {
          type: 'file',
          target: path.join(FIXTURES, 'tollgate-support-triage.yml'),
        },
        false,
        r => results.push(r),
        async function* parser() {},
        memoryCache(),
      ),
    ).resolves.toBe(false);
    expect(results).toEqual([]);
  });

  describe('on every fixture', () => {
    it.each([
      {
        file: 'api-evangelist-claude-ai-messaging.yaml',
        component: 'claude-ai-messaging',
        apis: [
          ['claude-ai-messaging-claude-messages', 'openapi', 10],
          ['claude-ai-messaging-ai-messaging-api', 'openapi', 8],
          ['claude-ai-messaging-ai-messaging-mcp', 'mcp'],
        ],
        consumes: 1,
      },
      {
        file: 'api-evangelist-openai-content-generation.yaml',
        component: 'openai-content-generation',
        apis: [
          ['openai-content-generation-openai-chat', 'openapi', 1],
          ['openai-content-generation-openai-images', 'openapi', 3],
          ['openai-content-generation-openai-audio', 'openapi', 3],
          ['openai-content-generation-openai-embeddings', 'openapi', 1],
          ['openai-content-generation-openai-models', 'openapi', 3],
          ['openai-content-generation-content-generation-api', 'openapi', 5],
          ['openai-content-generation-content-generation-mcp', 'mcp'],
        ],
        consumes: 5,
      },
      {
        file: 'ikanos-control-capability.yaml',
        component: 'control-port-test-capability',
        apis: [],
        consumes: 0,
      },
      {
        file: 'ikanos-step-3-shipyard-auth.yml',
        component: 'ikanos-step-3-shipyard-auth',
        apis: [
          ['ikanos-step-3-shipyard-auth-registry', 'openapi', 2],
          ['ikanos-step-3-shipyard-auth-shipyard-tools', 'mcp'],
        ],
        consumes: 1,
      },
      {
        file: 'naftiko-api-governance-capability-cost-attribution.yml',
        component: 'capability-cost-attribution',
        apis: [
          ['capability-cost-attribution-api-gateway', 'naftiko-import'],
          ['capability-cost-attribution-llm-gateway', 'naftiko-import'],
          ['capability-cost-attribution-cloud-billing', 'naftiko-import'],
          ['capability-cost-attribution-backstage', 'naftiko-import'],
          ['capability-cost-attribution-api-governance', 'mcp'],
        ],
        consumes: 4,
      },
      {
        file: 'naftiko-framework-capability-example.yml',
        component: 'naftiko-framework-capability-example',
        apis: [
          ['naftiko-framework-capability-example-registry', 'openapi', 6],
          ['naftiko-framework-capability-example-legacy', 'openapi', 1],
          ['naftiko-framework-capability-example-shipyard-tools', 'mcp'],
          ['naftiko-framework-capability-example-shipyard-skills', 'skill'],
          ['naftiko-framework-capability-example-shipyard-api', 'openapi', 5],
        ],
        consumes: 2,
      },
      {
        file: 'tollgate-support-triage.yml',
        component: 'support-triage',
        apis: [
          ['support-triage-openai-chat', 'openapi', 2],
          ['support-triage-ticketing', 'openapi', 2],
          ['support-triage-triage-tools', 'mcp'],
          ['support-triage-triage-api', 'openapi', 1],
        ],
        consumes: 2,
      },
    ])(
      '$file becomes valid entities',
      async ({ file, component, apis, consumes }) => {
        const { handled, entities, errors } = await read(
          path.join(FIXTURES, file),
        );
        expect(handled).toBe(true);
        expect(errors).toEqual([]);
        expect(entities.map(e => [e.kind, e.metadata.name])).toEqual([
          ['Component', component],
          ...apis.map(([name]) => ['API', name]),
        ]);
        const [capability, ...apiEntities] = entities;
        expect(capability.spec).toMatchObject({
          type: 'capability',
          lifecycle: 'production',
        });
        const refs = apis.map(([name]) => `api:default/${name}`);
        expect(capability.spec?.consumesApis ?? []).toEqual(
          refs.slice(0, consumes),
        );
        expect(capability.spec?.providesApis ?? []).toEqual(
          refs.slice(consumes),
        );
        expect(apiEntities.map(api => api.spec?.type)).toEqual(
          apis.map(([, type]) => type),
        );
        // Each OpenAPI definition reads back without problems, with every operation.
        expect(
          apiEntities
            .filter(api => api.spec?.type === 'openapi')
            .map(api => {
              const billing = readApiBilling(api);
              return [billing.problems, billing.operations.length];
            }),
        ).toEqual(
          apis
            .filter(([, type]) => type === 'openapi')
            .map(([, , operations]) => [[], operations]),
        );
        for (const entity of entities) {
          await expectValid(entity);
          expect(
            evaluateGovernance(entity, []).filter(f => f.level === 'enforced'),
          ).toEqual([]);
        }
      },
    );

    it('maps labels, owner and billing tags of a labelled capability', async () => {
      const { entities } = await read(
        path.join(FIXTURES, 'tollgate-support-triage.yml'),
      );
      const [component, openai, ticketing] = entities;
      expect(component.spec?.owner).toBe('group:default/support-ai');
      expect(component.metadata.annotations).toEqual({
        'tollgate.dev/cost-center': 'cc-4100',
        'tollgate.dev/team': 'support-ai',
        'tollgate.dev/environment-tier': 'production',
        'naftiko.io/spec-version': 'naftiko 1.0.0-alpha3',
      });
      expect(readApiBilling(openai)).toMatchObject({
        granularity: 'metered',
        hosts: ['api.openai.com'],
        operations: [
          { operationId: 'create-chat-completion', billing: 'chargeable' },
          { operationId: 'list-models', billing: 'free' },
        ],
      });
      expect(readApiBilling(ticketing)).toMatchObject({
        granularity: 'free-tier',
        operations: [
          {
            operationId: 'get-ticket',
            path: '/tickets/{ticket_id}',
            billing: 'free',
          },
          { operationId: 'update-ticket', method: 'PATCH', billing: 'metered' },
        ],
      });
    });

    it('uses the configured default owner and lifecycle', async () => {
      const { entities } = await read(
        path.join(FIXTURES, 'ikanos-control-capability.yaml'),
        {
          config: {
            tollgate: {
              naftiko: {
                defaultOwner: 'group:platform',
                lifecycle: 'experimental',
              },
            },
          },
        },
      );
      expect(entities[0].spec).toMatchObject({
        owner: 'group:platform',
        lifecycle: 'experimental',
      });
    });
  });
});
