import { parse } from 'yaml';
import {
  OPTIONS,
  annotations,
  entitiesOf,
  errorOf,
} from './__testUtils__/capabilityEntities';

describe('capabilityToEntities', () => {
  describe('labels', () => {
    it('maps Naftiko labels onto Tollgate annotations of every entity', () => {
      const [component, api] = entitiesOf(`
naftiko: "1"
info:
  label: Billing
  labels:
    naftiko.io/cost-center: cc-1
    cost-center: cc-plain
    team: payments
    naftiko.io/tier: staging
    naftiko.io/project: checkout
    data-classification: pci
    Bad Key!: x
    long-value: "${'v'.repeat(70)}"
capability:
  consumes:
    - { type: http, namespace: stripe, baseUri: "https://api.stripe.com" }
`);
      const expected = {
        'tollgate.dev/cost-center': 'cc-1',
        'tollgate.dev/team': 'payments',
        'tollgate.dev/project': 'checkout',
        'tollgate.dev/environment-tier': 'staging',
      };
      expect(annotations(component)).toEqual({
        ...expected,
        'naftiko.io/spec-version': 'naftiko 1',
      });
      expect(annotations(api)).toEqual({
        ...expected,
        'naftiko.io/adapter': 'consumes/stripe',
      });
      expect(component.metadata.labels).toEqual({
        'data-classification': 'pci',
      });
    });

    it('prefers naftiko.io/env over naftiko.io/tier, and copies values as written', () => {
      const [component] = entitiesOf(`
naftiko: "1"
info:
  label: X
  labels: { naftiko.io/env: production, naftiko.io/tier: gold, naftiko.io/cost-center: "Bad Value!" }
capability: {}
`);
      expect(annotations(component)['tollgate.dev/environment-tier']).toBe(
        'production',
      );
      expect(annotations(component)['tollgate.dev/cost-center']).toBe(
        'Bad Value!',
      );
    });
    it('puts tollgate.dev labels on the capability alone, over the mapped ones', () => {
      const [component, api] = entitiesOf(`
naftiko: "1"
info:
  label: Triage
  labels:
    naftiko.io/cost-center: cc-1
    tollgate.dev/cost-center: cc-2
    tollgate.dev/budget: 400 USD/month
    tollgate.dev/outcome-query: 'sum(increase(routed_total{job="triage"}[1d]))'
capability:
  consumes:
    - { type: http, namespace: openai, baseUri: "https://api.openai.com/v1" }
`);
      expect(annotations(component)).toEqual({
        'tollgate.dev/cost-center': 'cc-2',
        'tollgate.dev/budget': '400 USD/month',
        'tollgate.dev/outcome-query':
          'sum(increase(routed_total{job="triage"}[1d]))',
        'naftiko.io/spec-version': 'naftiko 1',
      });
      expect(annotations(api)).toEqual({
        'tollgate.dev/cost-center': 'cc-1',
        'naftiko.io/adapter': 'consumes/openai',
      });
      expect(component.metadata.labels).toBeUndefined();
    });
  });

  describe('owner', () => {
    const withStakeholders = (stakeholders: string) =>
      entitiesOf(`
naftiko: "1"
info:
  label: X
  stakeholders: ${stakeholders}
capability: {}
`)[0].spec?.owner;

    it('takes an owner written as an entity ref', () => {
      expect(
        withStakeholders('[{ role: owner, fullName: "group:payments" }]'),
      ).toBe('group:default/payments');
    });

    it('takes the user named by the e-mail, else by the full name', () => {
      expect(
        withStakeholders(
          '[{ role: editor, fullName: Bob }, { role: Product-Owner, fullName: Jane Doe, email: jane.doe@example.com }]',
        ),
      ).toBe('user:default/jane.doe');
      expect(withStakeholders('[{ role: Owner, fullName: Jane Doe }]')).toBe(
        'user:default/jane-doe',
      );
    });

    it('falls back to the configured default owner', () => {
      expect(withStakeholders('[{ role: reviewer, fullName: Bob }]')).toBe(
        'group:default/platform',
      );
      expect(withStakeholders('[]')).toBe('group:default/platform');
    });
  });

  describe('names', () => {
    it('names entities after info.name, else the title, else the file', () => {
      expect(
        entitiesOf(
          'naftiko: "1"\ninfo: { name: wx, label: Weather }\ncapability: {}',
        )[0].metadata,
      ).toMatchObject({ name: 'wx', title: 'Weather' });
      expect(
        entitiesOf(
          'naftiko: "1"\ninfo: { label: "Weather & Sky" }\ncapability: {}',
        )[0].metadata.name,
      ).toBe('weather-sky');
      expect(
        entitiesOf('naftiko: "1"\ncapability: {}')[0].metadata,
      ).toMatchObject({ name: 'capability-file', title: 'capability-file' });
    });

    it('rejects a spec without any usable name', () => {
      expect(() =>
        entitiesOf('naftiko: "1"\ninfo: { label: "!!!" }\ncapability: {}', {
          ...OPTIONS,
          fallbackName: '...',
        }),
      ).toThrow('has no usable name');
    });

    it('rejects adapters that would share an entity name', () => {
      expect(
        errorOf(`
naftiko: "1"
info: { label: Ships }
capability:
  consumes:
    - { type: http, namespace: fleet, baseUri: "https://a" }
  exposes:
    - { type: mcp, namespace: fleet, port: 1, tools: [{ name: t, description: d }] }
`),
      ).toBe(
        'exposes "fleet" and consumes "fleet" would both become the entity named "ships-fleet": expected unique adapter namespaces',
      );
    });
  });

  it('emits exposed adapters as provided APIs of the matching type', () => {
    const entities = entitiesOf(`
naftiko: "1"
info: { label: Ships, description: Fleet tools, tags: [Fleet Ops] }
capability:
  exposes:
    - type: rest
      namespace: api
      port: 8080
      resources:
        - { name: ships, path: /ships, operations: [{ name: list }] }
        - { name: proxy, path: /proxy, forward: { targetNamespace: x } }
    - { type: mcp, namespace: tools, port: 3000, tools: [{ name: list, description: List ships }] }
    - { type: skill, namespace: skills, port: 3003, skills: [{ name: ops, description: Ops, tools: [{ name: list }] }] }
    - { from: ./shared.yml, import: shared }
    - { type: control, port: 9090 }
`);
    expect(entities.map(e => [e.kind, e.metadata.name, e.spec?.type])).toEqual([
      ['Component', 'ships', 'capability'],
      ['API', 'ships-api', 'openapi'],
      ['API', 'ships-tools', 'mcp'],
      ['API', 'ships-skills', 'skill'],
      ['API', 'ships-shared', 'naftiko-import'],
    ]);
    const [component, rest, mcp, skill, imported] = entities;
    expect(component).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'ships',
        title: 'Ships',
        description: 'Fleet tools',
        tags: ['fleet-ops'],
        annotations: { 'naftiko.io/spec-version': 'naftiko 1' },
      },
      spec: {
        type: 'capability',
        lifecycle: 'experimental',
        owner: 'group:default/platform',
        providesApis: [
          'api:default/ships-api',
          'api:default/ships-tools',
          'api:default/ships-skills',
          'api:default/ships-shared',
        ],
      },
    });
    expect(Object.keys(parse(rest.spec?.definition as string).paths)).toEqual([
      '/proxy',
      '/ships',
    ]);
    expect(parse(mcp.spec?.definition as string)).toEqual({
      namespace: 'tools',
      port: 3000,
      tools: [{ name: 'list', description: 'List ships' }],
    });
    expect(parse(skill.spec?.definition as string).skills).toEqual([
      { name: 'ops', description: 'Ops', tools: ['list'] },
    ]);
    expect(parse(imported.spec?.definition as string)).toMatchObject({
      namespace: 'shared',
      import: './shared.yml',
    });
  });
});
