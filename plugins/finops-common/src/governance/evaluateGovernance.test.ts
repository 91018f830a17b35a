import { Entity } from '@backstage/catalog-model';
import {
  evaluateGovernance,
  governanceRuleApplies,
} from './evaluateGovernance';
import { GovernanceRule } from './types';
import { DEFAULT_GOVERNANCE_RULES } from './types';

function component(
  annotations: Record<string, string> = {},
  overrides: { owner?: string; type?: string; namespace?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: overrides.namespace,
      annotations,
    },
    spec: {
      type: overrides.type ?? 'service',
      lifecycle: 'production',
      owner: overrides.owner ?? 'group:default/ai-platform',
    },
  };
}

function api(
  definition: string,
  annotations: Record<string, string> = {},
  relations?: Entity['relations'],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'openai', annotations },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'group:default/ai-platform',
      definition,
    },
    ...(relations ? { relations } : {}),
  };
}

const VALID = {
  'tollgate.dev/cost-center': 'cc-4100',
  'tollgate.dev/team': 'ml-apps',
  'tollgate.dev/budget': '2500 USD/month',
  'tollgate.dev/latency-slo': '800ms',
};

const rule = (
  id: GovernanceRule['id'],
  level: GovernanceRule['level'] = 'enforced',
  filters: Partial<GovernanceRule> = {},
): GovernanceRule => ({ id, level, ...filters });

describe('evaluateGovernance', () => {
  describe('valid-label-values (always on, enforced)', () => {
    it('accepts valid annotations', () => {
      expect(evaluateGovernance(component(VALID), [])).toEqual([]);
    });

    it('reports each malformed annotation, naming it, the value and the expected form', () => {
      const findings = evaluateGovernance(
        component({
          'tollgate.dev/cost-center': 'Bad Value!',
          'tollgate.dev/budget': 'lots',
          'tollgate.dev/budget-enforcement': 'strict',
          'tollgate.dev/latency-slo': 'quick',
        }),
        [],
      );
      expect(findings).toEqual([
        {
          ruleId: 'valid-label-values',
          level: 'enforced',
          entityRef: 'component:default/summarizer',
          annotation: 'tollgate.dev/cost-center',
          message: expect.stringMatching(
            /^tollgate\.dev\/cost-center has invalid value "Bad Value!": expected a Kubernetes label value/,
          ),
          howToFix: expect.stringContaining(
            '"tollgate.dev/cost-center: cc-4100"',
          ),
        },
        expect.objectContaining({
          annotation: 'tollgate.dev/budget',
          message: expect.stringContaining('"lots"'),
          howToFix: expect.stringContaining('2500 USD/month'),
        }),
        expect.objectContaining({
          annotation: 'tollgate.dev/budget-enforcement',
          message: expect.stringContaining('one of advisory, hard'),
        }),
        expect.objectContaining({
          annotation: 'tollgate.dev/latency-slo',
          message: expect.stringContaining('"quick"'),
          howToFix: expect.stringContaining(
            '"tollgate.dev/latency-slo: 800ms"',
          ),
        }),
      ]);
    });

    it('runs even when rules are configured without it', () => {
      const findings = evaluateGovernance(
        component({ 'tollgate.dev/team': '' }),
        [rule('budget-required', 'advisory', { kinds: ['API'] })],
      );
      expect(findings.map(f => [f.ruleId, f.level, f.annotation])).toEqual([
        ['valid-label-values', 'enforced', 'tollgate.dev/team'],
      ]);
    });

    it('reports malformed billing and price tags of OpenAPI operations', () => {
      const findings = evaluateGovernance(
        api(`
openapi: 3.0.0
paths:
  /chat:
    post:
      operationId: chat
      x-tollgate-billing: expensive
      x-tollgate-price: 4 cents
`),
        [],
      );
      expect(findings).toEqual([
        expect.objectContaining({
          ruleId: 'valid-label-values',
          level: 'enforced',
          operationId: 'chat',
          message: expect.stringContaining(
            'x-tollgate-billing of operation "chat" (POST /chat) has invalid value "expensive"',
          ),
        }),
        expect.objectContaining({
          operationId: 'chat',
          message: expect.stringContaining('"4 cents"'),
          howToFix: expect.stringContaining('0.004 USD/call'),
        }),
      ]);
    });

    it('leaves definitions without Tollgate tags to operation-billing-tags', () => {
      expect(evaluateGovernance(api('not: [valid'), [])).toEqual([]);
    });

    it('reports unknown tollgate.dev keys as advisory, suggesting the closest key', () => {
      const findings = evaluateGovernance(
        component({
          'tollgate.dev/cost-centre': 'cc-1',
          'tollgate.dev/colour': 'x',
        }),
        [],
      );
      expect(findings).toEqual([
        expect.objectContaining({
          ruleId: 'valid-label-values',
          level: 'advisory',
          annotation: 'tollgate.dev/cost-centre',
          howToFix: 'Rename it to tollgate.dev/cost-center.',
        }),
        expect.objectContaining({
          level: 'advisory',
          annotation: 'tollgate.dev/colour',
          howToFix: 'Remove it, or use one of the Tollgate annotations.',
        }),
      ]);
    });
  });

  describe('cost-center-required', () => {
    it('is advisory on components by default', () => {
      expect(evaluateGovernance(component(), DEFAULT_GOVERNANCE_RULES)).toEqual(
        [
          {
            ruleId: 'cost-center-required',
            level: 'advisory',
            entityRef: 'component:default/summarizer',
            annotation: 'tollgate.dev/cost-center',
            message:
              'tollgate.dev/cost-center is missing: expected the cost center that pays for it, as a Kubernetes label value, such as "cc-4100"',
            howToFix:
              'Add "tollgate.dev/cost-center: cc-4100" (with your own value) under metadata.annotations.',
          },
        ],
      );
    });

    it('is satisfied by the annotation', () => {
      expect(
        evaluateGovernance(component(VALID), [rule('cost-center-required')]),
      ).toEqual([]);
    });

    it('leaves a malformed value to the syntax rule', () => {
      const findings = evaluateGovernance(
        component({ 'tollgate.dev/cost-center': 'Bad Value!' }),
        [rule('cost-center-required')],
      );
      expect(findings.map(f => f.ruleId)).toEqual(['valid-label-values']);
    });

    it('applies to cost-bearing kinds only unless configured', () => {
      const group: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'ai' },
        spec: { type: 'team', children: [] },
      };
      expect(evaluateGovernance(group, [rule('cost-center-required')])).toEqual(
        [],
      );
      expect(
        evaluateGovernance(group, [
          rule('cost-center-required', 'enforced', { kinds: ['group'] }),
        ]),
      ).toHaveLength(1);
    });
  });

  describe('team-required', () => {
    it('is satisfied by the annotation or by a group owner', () => {
      expect(
        evaluateGovernance(
          component({ 'tollgate.dev/team': 'ml-apps' }, { owner: 'user:jdoe' }),
          [rule('team-required')],
        ),
      ).toEqual([]);
      expect(evaluateGovernance(component(), [rule('team-required')])).toEqual(
        [],
      );
    });

    it('reports a user owner without a team annotation', () => {
      expect(
        evaluateGovernance(component({}, { owner: 'user:jdoe' }), [
          rule('team-required'),
        ]),
      ).toEqual([
        expect.objectContaining({
          ruleId: 'team-required',
          level: 'enforced',
          annotation: 'tollgate.dev/team',
          message:
            'tollgate.dev/team is missing and the owner "user:jdoe" is not a group: expected a team name as a Kubernetes label value, such as "ml-apps"',
          howToFix: expect.stringContaining('spec.owner: group:<team>'),
        }),
      ]);
    });
  });

  describe('budget-required', () => {
    it('reports a missing budget and accepts a declared one', () => {
      expect(
        evaluateGovernance(component(VALID), [rule('budget-required')]),
      ).toEqual([]);
      expect(
        evaluateGovernance(component(), [rule('budget-required', 'advisory')]),
      ).toEqual([
        expect.objectContaining({
          ruleId: 'budget-required',
          level: 'advisory',
          annotation: 'tollgate.dev/budget',
          message: expect.stringContaining('such as "2500 USD/month"'),
        }),
      ]);
    });
  });

  describe('billing-granularity-required', () => {
    const consumed = [
      { type: 'apiConsumedBy', targetRef: 'component:default/summarizer' },
    ];
    it('reports an API consumed by a component without granularity', () => {
      expect(
        evaluateGovernance(api('openapi: 3.0.0', {}, consumed), [
          rule('billing-granularity-required'),
        ]),
      ).toEqual([
        expect.objectContaining({
          ruleId: 'billing-granularity-required',
          entityRef: 'api:default/openai',
          annotation: 'tollgate.dev/billing-granularity',
          message:
            'tollgate.dev/billing-granularity is missing on an API consumed by component:default/summarizer: expected one of free, free-tier, paid-tier, metered, quota-limited',
        }),
      ]);
    });

    it('accepts an API that declares it', () => {
      expect(
        evaluateGovernance(
          api(
            'openapi: 3.0.0',
            { 'tollgate.dev/billing-granularity': 'metered' },
            consumed,
          ),
          [rule('billing-granularity-required')],
        ),
      ).toEqual([]);
    });

    it('skips APIs that no component consumes', () => {
      expect(
        evaluateGovernance(
          api('openapi: 3.0.0', {}, [
            { type: 'apiProvidedBy', targetRef: 'component:default/x' },
            { type: 'apiConsumedBy', targetRef: 'system:default/y' },
          ]),
          [rule('billing-granularity-required')],
        ),
      ).toEqual([]);
    });

    it('checks every API while consumers are not known yet', () => {
      expect(
        evaluateGovernance(api('openapi: 3.0.0'), [
          rule('billing-granularity-required'),
        ]),
      ).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(
            /^tollgate\.dev\/billing-granularity is missing: expected one of/,
          ),
        }),
      ]);
    });

    it('does not check components', () => {
      expect(
        evaluateGovernance(component(VALID), [
          rule('billing-granularity-required'),
        ]),
      ).toEqual([]);
    });
  });

  describe('operation-billing-tags', () => {
    it('reports each untagged operation and accepts tagged ones', () => {
      const findings = evaluateGovernance(
        api(`
openapi: 3.0.0
paths:
  /chat:
    post: { operationId: chat, x-tollgate-billing: metered }
  /models:
    get: {}
    delete: { operationId: deleteModel }
`),
        [rule('operation-billing-tags', 'advisory')],
      );
      expect(findings).toEqual([
        {
          ruleId: 'operation-billing-tags',
          level: 'advisory',
          entityRef: 'api:default/openai',
          operationId: 'GET /models',
          message:
            'x-tollgate-billing is missing on operation GET /models: expected one of chargeable, metered, free',
          howToFix: expect.stringContaining('x-tollgate-billing: chargeable'),
        },
        expect.objectContaining({
          operationId: 'deleteModel',
          message: expect.stringContaining(
            'missing on operation "deleteModel" (DELETE /models)',
          ),
        }),
      ]);
    });

    it('reports a malformed definition instead of throwing', () => {
      expect(
        evaluateGovernance(api('openapi: [unclosed'), [
          rule('operation-billing-tags'),
        ]),
      ).toEqual([
        expect.objectContaining({
          ruleId: 'operation-billing-tags',
          level: 'enforced',
          message: expect.stringContaining(
            'spec.definition is not valid YAML or JSON',
          ),
        }),
      ]);
    });

    it('reports a bad tag once, through the syntax rule', () => {
      const findings = evaluateGovernance(
        api(
          'openapi: 3.0.0\npaths:\n  /a:\n    get: { x-tollgate-billing: pricey }',
        ),
        [rule('operation-billing-tags')],
      );
      expect(findings.map(f => f.ruleId)).toEqual(['valid-label-values']);
    });

    it('ignores APIs that are not OpenAPI', () => {
      const graphql = api('type Query { a: Int }');
      (graphql.spec as { type: string }).type = 'graphql';
      expect(
        evaluateGovernance(graphql, [rule('operation-billing-tags')]),
      ).toEqual([]);
    });
  });

  describe('filters and levels', () => {
    it('matches kinds, spec types and namespaces without regard to case', () => {
      const entity = component({}, { type: 'Service', namespace: 'Prod' });
      const applies = (filters: Partial<GovernanceRule>) =>
        governanceRuleApplies(
          rule('cost-center-required', 'advisory', filters),
          entity,
        );
      expect(
        applies({
          kinds: ['component'],
          types: ['service'],
          namespaces: ['prod'],
        }),
      ).toBe(true);
      expect(applies({ types: ['website'] })).toBe(false);
      expect(applies({ namespaces: ['default'] })).toBe(false);
      expect(applies({ kinds: ['System'] })).toBe(false);
      expect(
        governanceRuleApplies(
          rule('cost-center-required', 'advisory', { namespaces: ['default'] }),
          component(),
        ),
      ).toBe(true);
    });

    it('reports a problem once, at the strongest level of the rules that match', () => {
      const findings = evaluateGovernance(
        component({}, { namespace: 'prod' }),
        [
          rule('cost-center-required', 'advisory'),
          rule('cost-center-required', 'enforced', { namespaces: ['prod'] }),
          rule('cost-center-required', 'advisory', { kinds: ['Component'] }),
        ],
      );
      expect(findings).toEqual([
        expect.objectContaining({
          ruleId: 'cost-center-required',
          level: 'enforced',
          entityRef: 'component:prod/summarizer',
        }),
      ]);
    });
  });
});
