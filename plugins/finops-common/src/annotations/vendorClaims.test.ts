import { Entity } from '@backstage/catalog-model';
import { parseVendorIds, readVendorClaims } from './vendorClaims';

const NAME = 'tollgate.dev/openai-projects';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer', annotations },
    spec: { type: 'service', owner: 'group:ml', lifecycle: 'production' },
  };
}

describe('parseVendorIds', () => {
  it.each([
    ['proj_abc', ['proj_abc']],
    ['proj_abc,proj_def', ['proj_abc', 'proj_def']],
    [' proj_abc , proj_def ', ['proj_abc', 'proj_def']],
    ['wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', ['wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ']],
    [
      '88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b',
      ['88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b'],
    ],
    ['team:ml/platform@eu', ['team:ml/platform@eu']],
  ])('reads %j', (value, ids) => {
    expect(parseVendorIds(NAME, value)).toEqual({ ok: true, value: ids });
  });

  it.each([
    ['', 'without spaces'],
    ['proj_abc,', 'without spaces'],
    [',proj_abc', 'without spaces'],
    ['proj_abc proj_def', 'without spaces'],
    ['proj_abc;\tproj_def', 'without spaces'],
    ['proj_abc,proj_abc', '"proj_abc" is listed twice'],
    ['x'.repeat(256), 'without spaces'],
    [Array.from({ length: 201 }, (_, i) => `p${i}`).join(','), 'at most 200'],
    [42, 'without spaces'],
    [null, 'without spaces'],
  ])('rejects %j naming the annotation and the value', (value, expected) => {
    const result = parseVendorIds(NAME, value);
    expect(result.ok).toBe(false);
    const error = (result as { error: string }).error;
    expect(error).toContain(`${NAME} has invalid value `);
    expect(error).toContain(JSON.stringify(value).slice(0, 100));
    expect(error).toContain(expected);
  });
});

describe('readVendorClaims', () => {
  it('reads each vendor id annotation, api keys first', () => {
    expect(
      readVendorClaims(
        component({
          'tollgate.dev/openai-projects': 'proj_abc',
          'tollgate.dev/anthropic-workspaces': 'wrkspc_1,wrkspc_2',
          'tollgate.dev/litellm-teams': 'ml-platform',
          'tollgate.dev/api-keys': 'key_abc',
          'tollgate.dev/cost-center': 'cc-4100',
        }),
      ),
    ).toEqual({
      claims: [
        { annotation: 'tollgate.dev/api-keys', ids: ['key_abc'] },
        { annotation: 'tollgate.dev/openai-projects', ids: ['proj_abc'] },
        {
          annotation: 'tollgate.dev/anthropic-workspaces',
          ids: ['wrkspc_1', 'wrkspc_2'],
        },
        { annotation: 'tollgate.dev/litellm-teams', ids: ['ml-platform'] },
      ],
      problems: [],
    });
  });

  it('claims nothing through a malformed annotation, and reports it', () => {
    expect(
      readVendorClaims(
        component({
          'tollgate.dev/openai-projects': 'proj_abc proj_def',
          'tollgate.dev/api-keys': 'key_abc',
        }),
      ),
    ).toEqual({
      claims: [{ annotation: 'tollgate.dev/api-keys', ids: ['key_abc'] }],
      problems: [
        {
          annotation: 'tollgate.dev/openai-projects',
          message: expect.stringContaining(
            'tollgate.dev/openai-projects has invalid value "proj_abc proj_def"',
          ),
        },
      ],
    });
  });

  it('claims nothing without annotations', () => {
    expect(
      readVendorClaims({ ...component({}), metadata: { name: 'x' } }),
    ).toEqual({ claims: [], problems: [] });
  });
});
