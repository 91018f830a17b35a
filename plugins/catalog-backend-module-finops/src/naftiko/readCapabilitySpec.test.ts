import { readCapabilitySpec } from './readCapabilitySpec';

describe('readCapabilitySpec', () => {
  it('reads Naftiko lists of named items', () => {
    const spec = readCapabilitySpec(`
naftiko: 1.0.0-alpha3
info:
  label: Weather
  description: Forecasts
  tags: [Weather]
  labels: { naftiko.io/team: sky, replicas: 3 }
  stakeholders:
    - { role: owner, fullName: Jane Doe, email: jane.doe@example.com }
consumes:
  - type: http
    namespace: shared
    baseUri: https://shared.example.com
capability:
  consumes:
    - type: http
      namespace: weather-api
      baseUri: https://api.weather.gov
      tags: [free]
      resources:
        - name: points
          path: /points/{{lat}},{{lon}}
          tags: [metered]
          operations:
            - name: get-forecast
            - name: put-forecast
              method: put
              tags: [chargeable]
  exposes:
    - type: control
      port: 9090
      labels: { team: ignored, cost-center: cc-1 }
    - type: mcp
      namespace: weather
      port: 3000
      tools:
        - name: forecast
          description: Get a forecast
`);
    expect(spec).toEqual({
      format: 'naftiko',
      version: '1.0.0-alpha3',
      name: undefined,
      title: 'Weather',
      description: 'Forecasts',
      infoVersion: undefined,
      tags: ['Weather'],
      labels: {
        'naftiko.io/team': 'sky',
        replicas: '3',
        team: 'ignored',
        'cost-center': 'cc-1',
      },
      stakeholders: [
        { role: 'owner', fullName: 'Jane Doe', email: 'jane.doe@example.com' },
      ],
      consumes: [
        {
          namespace: 'shared',
          baseUri: 'https://shared.example.com',
          description: undefined,
          tags: [],
          operations: [],
        },
        {
          namespace: 'weather-api',
          baseUri: 'https://api.weather.gov',
          description: undefined,
          tags: ['free'],
          operations: [
            {
              name: 'get-forecast',
              method: 'GET',
              path: '/points/{{lat}},{{lon}}',
              description: undefined,
              tags: ['metered'],
            },
            {
              name: 'put-forecast',
              method: 'PUT',
              path: '/points/{{lat}},{{lon}}',
              description: undefined,
              tags: ['chargeable'],
            },
          ],
        },
      ],
      exposes: [
        {
          type: 'mcp',
          namespace: 'weather',
          description: undefined,
          port: 3000,
          transport: undefined,
          tools: [{ name: 'forecast', description: 'Get a forecast' }],
          resources: [],
          prompts: [],
        },
      ],
    });
  });

  it('reads Ikanos maps keyed by name', () => {
    const spec = readCapabilitySpec(`
ikanos: "1.0.0-beta5"
info: { display: Registry, version: "2.1" }
capability:
  consumes:
    - namespace: registry
      type: http
      baseUri: https://registry.example.com
      resources:
        ships:
          path: /ships
          tags: [free]
          operations:
            list-ships: { method: GET }
            add-ship: { method: POST, tags: [chargeable] }
  exposes:
    - type: skill
      port: 3003
      namespace: fleet
      skills:
        fleet-ops:
          description: Fleet
          tools:
            list-ships: { from: { sourceNamespace: x, action: y } }
    - type: rest
      port: 8080
      namespace: fleet-api
      resources:
        ships:
          path: /ships
          operations:
            list: { method: GET }
        proxy:
          path: /proxy
          forward: { targetNamespace: registry }
`);
    expect(spec.format).toBe('ikanos');
    expect(spec.title).toBe('Registry');
    expect(spec.infoVersion).toBe('2.1');
    expect(spec.consumes[0].operations).toEqual([
      {
        name: 'list-ships',
        method: 'GET',
        path: '/ships',
        description: undefined,
        tags: ['free'],
      },
      {
        name: 'add-ship',
        method: 'POST',
        path: '/ships',
        description: undefined,
        tags: ['chargeable'],
      },
    ]);
    expect(spec.exposes).toEqual([
      {
        type: 'skill',
        namespace: 'fleet',
        description: undefined,
        port: 3003,
        skills: [
          { name: 'fleet-ops', description: 'Fleet', tools: ['list-ships'] },
        ],
      },
      {
        type: 'rest',
        namespace: 'fleet-api',
        description: undefined,
        port: 8080,
        operations: [
          {
            name: 'list',
            method: 'GET',
            path: '/ships',
            description: undefined,
            tags: [],
          },
        ],
        forwards: ['/proxy'],
      },
    ]);
  });

  it('reads imported adapters of every format', () => {
    const spec = readCapabilitySpec(`
naftiko: "0.5"
capability:
  consumes:
    - { import: consumes-llm.yml, as: llm-gateway, tags: [metered] }
    - { location: ./shared.yml, import: billing }
    - { from: ./other.yml, import: other, as: renamed }
  exposes:
    - { from: ./exposes.yml, import: tools }
`);
    expect(spec.consumes).toEqual([
      {
        namespace: 'llm-gateway',
        importedFrom: 'consumes-llm.yml',
        tags: ['metered'],
        operations: [],
      },
      {
        namespace: 'billing',
        importedFrom: './shared.yml',
        tags: [],
        operations: [],
      },
      {
        namespace: 'renamed',
        importedFrom: './other.yml',
        tags: [],
        operations: [],
      },
    ]);
    expect(spec.exposes).toEqual([
      { type: 'import', namespace: 'tools', importedFrom: './exposes.yml' },
    ]);
  });
});
