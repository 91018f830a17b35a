import { Entity } from '@backstage/catalog-model';
import { VENDOR_ID_TAGS, VendorClaims } from './VendorClaims';

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/ml' },
  };
}

const A = 'component:default/a';
const B = 'component:default/b';

const claims = VendorClaims.fromEntities([
  entity('a', {
    'tollgate.dev/openai-projects': 'proj_abc',
    'tollgate.dev/litellm-teams': 'team-1',
    'tollgate.dev/anthropic-workspaces': 'wrkspc_a',
  }),
  entity('b', {
    'tollgate.dev/api-keys': 'key_batch,apikey_b,sk-alias-b',
    'tollgate.dev/openai-projects': 'proj_shared',
    'tollgate.dev/litellm-teams': 'ml-platform',
  }),
  entity('c', {
    'tollgate.dev/openai-projects': 'proj_shared',
    'tollgate.dev/api-keys': 'apikey_c',
  }),
]);

describe('VendorClaims', () => {
  it('knows every tag that holds a vendor id', () => {
    expect([...VENDOR_ID_TAGS].sort()).toEqual([
      'anthropic.api_key_id',
      'anthropic.workspace_id',
      'litellm.api_key',
      'litellm.key_alias',
      'litellm.team_alias',
      'litellm.team_id',
      'openai.api_key_id',
      'openai.project_id',
    ]);
  });

  it('gives a record to the one entity claiming its project or workspace', () => {
    expect(claims.claimant({ 'openai.project_id': 'proj_abc' })).toBe(A);
    expect(claims.claimant({ 'anthropic.workspace_id': 'wrkspc_a' })).toBe(A);
    expect(claims.claimant({ 'anthropic.api_key_id': 'apikey_b' })).toBe(B);
  });

  it('asks the API key before the project', () => {
    expect(
      claims.decide({
        'openai.project_id': 'proj_abc',
        'openai.api_key_id': 'key_batch',
      }),
    ).toEqual({
      annotation: 'tollgate.dev/api-keys',
      tag: 'openai.api_key_id',
      id: 'key_batch',
      claimedBy: [B],
    });
    // an unclaimed key leaves it to the project
    expect(
      claims.claimant({
        'openai.project_id': 'proj_abc',
        'openai.api_key_id': 'key_unknown',
      }),
    ).toBe(A);
  });

  it('gives no entity a record whose id two entities claim, and names them', () => {
    const shared = { 'openai.project_id': 'proj_shared' };
    expect(claims.claimant(shared)).toBeUndefined();
    expect(claims.decide(shared)?.claimedBy).toEqual([
      B,
      'component:default/c',
    ]);
  });

  it('gives no entity a record whose ids of one kind are claimed by two', () => {
    const tags = {
      'litellm.team_id': 'team-1',
      'litellm.team_alias': 'ml-platform',
    };
    expect(claims.claimant(tags)).toBeUndefined();
    expect(claims.decide(tags)).toEqual({
      annotation: 'tollgate.dev/litellm-teams',
      tag: 'litellm.team_id',
      id: 'team-1',
      claimedBy: [A, B],
    });
    expect(
      claims.claimant({
        'litellm.team_alias': 'ml-platform',
        'litellm.key_alias': 'sk-alias-b',
      }),
    ).toBe(B);
  });

  it('ignores tags that hold no id and ids in the wrong tag', () => {
    expect(claims.decide(undefined)).toBeUndefined();
    expect(claims.decide({ 'openai.report': 'costs' })).toBeUndefined();
    expect(claims.decide({ 'openai.api_key_id': 'proj_abc' })).toBeUndefined();
  });

  it('names an unclaimed record by its project, workspace or team before its key', () => {
    expect(
      claims.name({
        'openai.project_id': 'proj_def',
        'openai.api_key_id': 'key_def',
      }),
    ).toEqual({
      annotation: 'tollgate.dev/openai-projects',
      tag: 'openai.project_id',
      id: 'proj_def',
      claimedBy: [],
    });
    expect(claims.name({ 'anthropic.api_key_id': 'apikey_x' })).toEqual({
      annotation: 'tollgate.dev/api-keys',
      tag: 'anthropic.api_key_id',
      id: 'apikey_x',
      claimedBy: [],
    });
    expect(
      claims.name({ 'litellm.team_alias': 'ops', 'litellm.team_id': 't-9' }),
    ).toMatchObject({ tag: 'litellm.team_id', id: 't-9' });
    expect(claims.name({ 'openai.report': 'costs' })).toBeUndefined();
  });

  it('names a claimed record by the id that decides it', () => {
    expect(
      claims.name({
        'openai.project_id': 'proj_shared',
        'openai.api_key_id': 'key_def',
      }),
    ).toMatchObject({
      id: 'proj_shared',
      claimedBy: [B, 'component:default/c'],
    });
  });

  it('is empty without claims', () => {
    const none = VendorClaims.fromEntities([entity('x', {})]);
    expect(none.empty).toBe(true);
    expect(none.decide({ 'openai.project_id': 'proj_abc' })).toBeUndefined();
    expect(claims.empty).toBe(false);
  });
});
