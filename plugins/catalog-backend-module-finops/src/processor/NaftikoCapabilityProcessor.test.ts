import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  Entity,
  FieldFormatEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import {
  CatalogProcessorCache,
  CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import {
  evaluateGovernance,
  readApiBilling,
} from '@tollgate/plugin-finops-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NaftikoCapabilityProcessor } from './NaftikoCapabilityProcessor';

const FIXTURES = path.resolve(__dirname, '../__fixtures__/naftiko');

function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, unknown>();
  return {
    get: async key => values.get(key) as any,
    set: async (key, value) => {
      values.set(key, JSON.parse(JSON.stringify(value)));
    },
  };
}

const reader: jest.Mocked<UrlReaderService> = {
  readUrl: jest.fn(),
  readTree: jest.fn(),
  search: jest.fn(),
};

function processor(config: object = {}) {
  return NaftikoCapabilityProcessor.fromConfig(new ConfigReader(config), {
    reader,
  });
}

async function read(
  target: string,
  options: {
    optional?: boolean;
    cache?: CatalogProcessorCache;
    config?: object;
  } = {},
) {
  const results: CatalogProcessorResult[] = [];
  const handled = await processor(options.config).readLocation(
    { type: 'naftiko', target },
    options.optional ?? false,
    result => results.push(result),
    async function* parser() {},
    options.cache ?? memoryCache(),
  );
  const entities = results.flatMap(r =>
    r.type === 'entity' ? [r.entity] : [],
  );
  const errors = results.flatMap(r => (r.type === 'error' ? [r.error] : []));
  return { handled, results, entities, errors };
}

const fieldFormat = new FieldFormatEntityPolicy();
const schemaValid = new SchemaValidEntityPolicy();

async function expectValid(entity: Entity) {
  await expect(schemaValid.enforce(entity)).resolves.toBeDefined();
  await expect(fieldFormat.enforce(entity)).resolves.toBeDefined();
  const validator =
    entity.kind === 'Component'
      ? componentEntityV1alpha1Validator
      : apiEntityV1alpha1Validator;
  await expect(validator.check(entity)).resolves.toBe(true);
}

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

  describe('on bad input', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'naftiko-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, content: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };

    it.each([
      ['broken.yml', 'naftiko: [unclosed', 'is not valid YAML'],
      [
        'entity.yml',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
        'is not a Naftiko or Ikanos capability spec',
      ],
      [
        'shared.yml',
        'ikanos: 1.0.0-beta5\nbinds:\n  - namespace: env\n',
        'has no "capability" section',
      ],
      [
        'conflict.yml',
        'naftiko: "1"\ninfo: { label: X }\ncapability:\n  consumes:\n    - { type: http, namespace: a, tags: [free, metered] }\n',
        'consumes "a" has conflicting billing tags free, metered',
      ],
    ])(
      'reports %s as an input error naming the file',
      async (name, content, text) => {
        const file = write(name, content);
        const { handled, entities, results } = await read(file);
        expect(handled).toBe(true);
        expect(entities).toEqual([]);
        expect(results).toEqual([
          {
            type: 'error',
            location: { type: 'naftiko', target: file },
            error: expect.objectContaining({
              name: 'InputError',
              message: expect.stringContaining(
                `Naftiko capability spec ${file}: `,
              ),
            }),
          },
        ]);
        expect((results[0] as { error: Error }).error.message).toContain(text);
      },
    );

    it('reports a missing file unless the location is optional', async () => {
      const missing = path.join(dir, 'missing.yml');
      const required = await read(missing);
      expect(required.errors).toEqual([
        expect.objectContaining({
          name: 'NotFoundError',
          message: `Naftiko capability spec ${missing} does not exist`,
        }),
      ]);
      expect((await read(missing, { optional: true })).results).toEqual([]);
    });

    it('reports a directory as a read error', async () => {
      const { errors } = await read(dir);
      expect(errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(
            `Naftiko capability spec ${dir} could not be read`,
          ),
        }),
      ]);
    });
  });

  describe('on URLs', () => {
    const url = 'https://github.com/acme/caps/blob/main/triage.yml';
    const source = fs.readFileSync(
      path.join(FIXTURES, 'tollgate-support-triage.yml'),
    );

    it('reads through the URL reader and re-emits cached entities when not modified', async () => {
      const cache = memoryCache();
      reader.readUrl.mockResolvedValueOnce({
        buffer: async () => source,
        etag: 'e1',
      });
      const first = await read(url, { cache });
      expect(reader.readUrl).toHaveBeenCalledWith(url, { etag: undefined });
      expect(first.entities.map(e => e.metadata.name)).toContain(
        'support-triage',
      );
      expect(first.results).toContainEqual({
        type: 'refresh',
        key: `url:${url}`,
      });

      reader.readUrl.mockRejectedValueOnce(new NotModifiedError());
      const second = await read(url, { cache });
      expect(reader.readUrl).toHaveBeenLastCalledWith(url, { etag: 'e1' });
      expect(second.errors).toEqual([]);
      expect(second.entities).toEqual(first.entities);
    });

    it('reports a missing URL unless optional, and other failures as general errors', async () => {
      reader.readUrl.mockRejectedValue(new NotFoundError('404'));
      expect((await read(url)).errors).toEqual([
        expect.objectContaining({
          name: 'NotFoundError',
          message: `Naftiko capability spec ${url} was not found: 404`,
        }),
      ]);
      expect((await read(url, { optional: true })).errors).toEqual([]);

      reader.readUrl.mockRejectedValue(new Error('socket hang up'));
      expect((await read(url)).errors).toEqual([
        expect.objectContaining({
          message: `Naftiko capability spec ${url} could not be read: socket hang up`,
        }),
      ]);
    });
  });

  describe('preProcessEntity', () => {
    const location = (target: string, targets?: string[]): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'caps' },
      spec: { type: 'naftiko', target, ...(targets ? { targets } : {}) },
    });

    it('resolves relative targets against a file location', async () => {
      const entity = await processor().preProcessEntity(
        location('./caps/triage.yml', ['other.yml', '/abs/x.yml']),
        { type: 'file', target: '/repo/catalog/all.yaml' },
      );
      expect(entity.spec).toEqual({
        type: 'naftiko',
        target: '/repo/catalog/caps/triage.yml',
        targets: ['/repo/catalog/other.yml', '/abs/x.yml'],
      });
    });

    it('resolves relative targets against a URL location', async () => {
      const entity = await processor().preProcessEntity(
        location('../caps/triage.yml'),
        {
          type: 'url',
          target: 'https://github.com/acme/repo/blob/main/catalog/all.yaml',
        },
      );
      expect(entity.spec?.target).toBe(
        'https://github.com/acme/repo/blob/main/caps/triage.yml',
      );
    });

    it('leaves other entities alone', async () => {
      const other = {
        ...location('./x.yml'),
        spec: { type: 'url', target: './x.yml' },
      };
      const base = { type: 'file', target: '/repo/all.yaml' };
      await expect(processor().preProcessEntity(other, base)).resolves.toBe(
        other,
      );
      const absolute = location('https://example.com/x.yml');
      await expect(
        processor().preProcessEntity(absolute, base),
      ).resolves.toEqual(absolute);
    });
  });
});
