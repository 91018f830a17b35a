import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { FinopsGovernanceProcessor } from './FinopsGovernanceProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:ai-platform',
    },
  };
}

async function process(entity: Entity, config: object = {}) {
  const results: CatalogProcessorResult[] = [];
  const processor = FinopsGovernanceProcessor.fromConfig(
    new ConfigReader(config),
  );
  const returned = await processor.postProcessEntity(entity, location, r =>
    results.push(r),
  );
  expect(returned).toBe(entity);
  return results;
}

const enforced = (id: string, kinds?: string[]) => ({
  tollgate: {
    governance: {
      rules: [{ id, level: 'enforced', ...(kinds ? { kinds } : {}) }],
    },
  },
});

describe('FinopsGovernanceProcessor', () => {
  it('reports a malformed annotation as an input error naming it, the value and the expected form', async () => {
    const results = await process(
      component({ 'tollgate.dev/cost-center': 'Bad Value!' }),
    );
    expect(results).toEqual([
      {
        type: 'error',
        location,
        error: expect.objectContaining({ name: 'InputError' }),
      },
    ]);
    const { message } = (results[0] as { error: Error }).error;
    expect(message).toMatch(
      /^tollgate\.dev\/cost-center has invalid value "Bad Value!": expected a Kubernetes label value/,
    );
    expect(message).toContain('[rule valid-label-values]');
    expect(message).toContain('"tollgate.dev/cost-center: cc-4100"');
  });

  it('reports a malformed vendor id list, and accepts well-formed ones', async () => {
    const results = await process(
      component({
        'tollgate.dev/openai-projects': 'proj_abc proj_def',
        'tollgate.dev/anthropic-workspaces': 'wrkspc_01',
        'tollgate.dev/litellm-teams': 'ml-platform,team-42',
        'tollgate.dev/api-keys': 'key_abc,apikey_01',
      }),
    );
    expect(results).toHaveLength(1);
    const { message } = (results[0] as { error: Error }).error;
    expect(message).toMatch(
      /^tollgate\.dev\/openai-projects has invalid value "proj_abc proj_def": expected comma-separated ids without spaces/,
    );
    expect(message).toContain('[rule valid-label-values]');
    expect(message).toContain(
      '"tollgate.dev/openai-projects: proj_abc123,proj_def456"',
    );
  });

  it('leaves an id claimed by two entities to the finops backend, which sees them both', async () => {
    const claim = { 'tollgate.dev/openai-projects': 'proj_abc' };
    expect(await process(component(claim))).toEqual([]);
    expect(
      await process(
        component(claim),
        enforced('cost-center-required', ['System']),
      ),
    ).toEqual([]);
  });

  it('accepts valid annotations', async () => {
    expect(
      await process(
        component({
          'tollgate.dev/cost-center': 'cc-4100',
          'tollgate.dev/budget': '2500 USD/month',
        }),
      ),
    ).toEqual([]);
  });

  it('never reports advisory findings: a missing cost center passes by default', async () => {
    expect(await process(component())).toEqual([]);
  });

  it('reports a missing cost center once the rule is enforced by config', async () => {
    const results = await process(
      component(),
      enforced('cost-center-required'),
    );
    expect(results).toHaveLength(1);
    expect((results[0] as { error: Error }).error.message).toMatch(
      /^tollgate\.dev\/cost-center is missing: expected .* such as "cc-4100" \[rule cost-center-required\]/,
    );
  });

  it('applies enforced rules only to the entities they filter', async () => {
    expect(
      await process(component(), enforced('cost-center-required', ['System'])),
    ).toEqual([]);
  });

  it('reports each enforced problem separately', async () => {
    const results = await process(
      component({
        'tollgate.dev/team': 'Team A',
        'tollgate.dev/budget-thresholds': '80,50',
      }),
      enforced('budget-required'),
    );
    expect(
      results.map(r => (r as { error: Error }).error.message.split(' ')[0]),
    ).toEqual([
      'tollgate.dev/team',
      'tollgate.dev/budget-thresholds',
      'tollgate.dev/budget',
    ]);
  });

  it('reports untagged operations of an API under an enforced rule', async () => {
    const api: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'openai' },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'group:ai',
        definition:
          'openapi: 3.0.0\npaths:\n  /chat:\n    post: { operationId: chat }\n',
      },
    };
    const results = await process(api, enforced('operation-billing-tags'));
    expect((results[0] as { error: Error }).error.message).toContain(
      'x-tollgate-billing is missing on operation "chat" (POST /chat)',
    );
  });

  it('rejects a bad configuration when built', () => {
    expect(() =>
      FinopsGovernanceProcessor.fromConfig(
        new ConfigReader({
          tollgate: {
            governance: {
              rules: [{ id: 'cost-center-required', level: 'block' }],
            },
          },
        }),
      ),
    ).toThrow(
      'tollgate.governance.rules[0].level has invalid value "block": expected one of advisory, enforced',
    );
  });
});
