import { Entity } from '@backstage/catalog-model';
import { JsonValue } from '@backstage/types';
import { readApiBilling } from './readApiBilling';

function api(
  definition: JsonValue | undefined,
  annotations: Record<string, string> = {},
  type = 'openapi',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'openai', annotations },
    spec: { type, lifecycle: 'production', owner: 'group:ai', definition },
  };
}

const OPENAI_YAML = `
openapi: 3.0.3
info: { title: OpenAI, version: '1' }
servers:
  - url: https://API.openai.com:443/v1
  - url: https://{region}.openai.example.com/v1
  - url: /relative
paths:
  /chat/completions:
    post:
      operationId: createChatCompletion
      x-tollgate-billing: metered
      x-tollgate-price: 2.50 USD/1M tokens
  /models:
    servers:
      - url: https://models.openai.com
    get:
      x-tollgate-billing: free
    delete:
      operationId: deleteModel
`;

describe('readApiBilling', () => {
  it('reads granularity, operations, tags, prices and hosts from YAML', () => {
    const billing = readApiBilling(
      api(OPENAI_YAML, { 'tollgate.dev/billing-granularity': 'metered' }),
    );
    expect(billing).toEqual({
      granularity: 'metered',
      operations: [
        {
          operationId: 'createChatCompletion',
          method: 'POST',
          path: '/chat/completions',
          billing: 'metered',
          price: { unitPrice: 2500000n, currency: 'USD', unit: 'token' },
        },
        {
          operationId: 'GET /models',
          method: 'GET',
          path: '/models',
          billing: 'free',
        },
        { operationId: 'deleteModel', method: 'DELETE', path: '/models' },
      ],
      hosts: [
        'api.openai.com',
        '{region}.openai.example.com',
        'models.openai.com',
      ],
      problems: [],
    });
  });

  it('reads JSON definitions and Swagger 2 hosts', () => {
    const billing = readApiBilling(
      api(
        JSON.stringify({
          swagger: '2.0',
          host: 'legacy.example.com:8080',
          paths: {
            '/v': {
              get: { operationId: 'list', 'x-tollgate-billing': 'chargeable' },
            },
          },
        }),
      ),
    );
    expect(billing.hosts).toEqual(['legacy.example.com']);
    expect(billing.operations).toEqual([
      { operationId: 'list', method: 'GET', path: '/v', billing: 'chargeable' },
    ]);
    expect(billing.problems).toEqual([]);
  });

  it('reports bad tags naming the operation, the value and the expected form', () => {
    const billing = readApiBilling(
      api(`
openapi: 3.1.0
paths:
  /a:
    get:
      operationId: getA
      x-tollgate-billing: expensive
      x-tollgate-price: cheap
    post:
      x-tollgate-billing: Metered
`),
    );
    expect(billing.operations).toEqual([
      { operationId: 'getA', method: 'GET', path: '/a' },
      { operationId: 'POST /a', method: 'POST', path: '/a' },
    ]);
    expect(billing.problems).toEqual([
      {
        kind: 'billing-tag',
        field: 'x-tollgate-billing',
        operationId: 'getA',
        message:
          'x-tollgate-billing of operation "getA" (GET /a) has invalid value "expensive": expected one of chargeable, metered, free',
      },
      {
        kind: 'price-tag',
        field: 'x-tollgate-price',
        operationId: 'getA',
        message: expect.stringContaining(
          'x-tollgate-price of operation "getA" (GET /a) has invalid value "cheap": expected an amount, a currency code and a unit, such as "0.004 USD/call"',
        ),
      },
      {
        kind: 'billing-tag',
        field: 'x-tollgate-billing',
        operationId: 'POST /a',
        message: expect.stringContaining(
          'x-tollgate-billing of operation POST /a has invalid value "Metered"',
        ),
      },
    ]);
  });

  it('reports a bad granularity annotation', () => {
    const billing = readApiBilling(
      api(OPENAI_YAML, { 'tollgate.dev/billing-granularity': 'pay-as-you-go' }),
    );
    expect(billing.granularity).toBeUndefined();
    expect(billing.problems).toEqual([
      {
        kind: 'granularity',
        field: 'tollgate.dev/billing-granularity',
        message: expect.stringContaining('"pay-as-you-go"'),
      },
    ]);
    expect(billing.operations).toHaveLength(3);
  });

  it.each([
    [
      'unparseable YAML',
      'openapi: 3.0.0\npaths: [unclosed',
      'not valid YAML or JSON',
    ],
    [
      'duplicate keys',
      'openapi: 3.0.0\nopenapi: 3.1.0\n',
      'not valid YAML or JSON',
    ],
    ['a scalar', 'just text', 'not an OpenAPI document'],
    ['a document without version', 'paths: {}', 'not an OpenAPI document'],
    ['no definition', undefined, 'spec.definition is missing'],
  ])(
    'reports %s as a definition problem and never throws',
    (_, definition, text) => {
      const billing = readApiBilling(api(definition));
      expect(billing.operations).toEqual([]);
      expect(billing.problems).toEqual([
        {
          kind: 'definition',
          field: 'spec.definition',
          message: expect.stringContaining(text),
        },
      ]);
      expect(billing.problems[0].message).toContain(
        'expected an OpenAPI document',
      );
    },
  );

  it('reports malformed paths and path items, keeping the good operations', () => {
    const billing = readApiBilling(
      api(`
openapi: 3.0.0
paths:
  /ok:
    get: { x-tollgate-billing: free }
  /broken: 42
  /shared:
    $ref: '#/components/pathItems/shared'
  /bad-op:
    get: nope
`),
    );
    expect(billing.operations.map(o => o.operationId)).toEqual(['GET /ok']);
    expect(billing.problems.map(p => [p.kind, p.field])).toEqual([
      ['definition', 'paths["/broken"]'],
      ['definition', 'paths["/shared"]'],
      ['definition', 'paths["/bad-op"].get'],
    ]);
    expect(billing.problems[1].message).toContain(
      '"#/components/pathItems/shared"',
    );
    expect(
      readApiBilling(api('openapi: 3.0.0\npaths: [1, 2]')).problems[0],
    ).toMatchObject({ kind: 'definition', field: 'paths' });
  });

  it('reads only the granularity of APIs that are not OpenAPI', () => {
    expect(
      readApiBilling(
        api(
          'type Query { a: Int }',
          { 'tollgate.dev/billing-granularity': 'free' },
          'graphql',
        ),
      ),
    ).toEqual({ granularity: 'free', operations: [], hosts: [], problems: [] });
  });

  it('accepts an already parsed definition object', () => {
    const billing = readApiBilling(
      api({
        openapi: '3.0.0',
        paths: { '/x': { put: { 'x-tollgate-billing': 'chargeable' } } },
      }),
    );
    expect(billing.operations).toEqual([
      {
        operationId: 'PUT /x',
        method: 'PUT',
        path: '/x',
        billing: 'chargeable',
      },
    ]);
  });
});
