import { VENDOR_ID_ANNOTATIONS } from '@tollgate/plugin-finops-common';
import {
  ANTHROPIC_TAGS,
  LITELLM_TAGS,
  OPENAI_TAGS,
  VENDOR_ATTRIBUTION_TAGS,
} from './vendorTags';

describe('vendor tags', () => {
  it('names each tag once, under its vendor', () => {
    for (const [prefix, tags] of [
      ['openai.', OPENAI_TAGS],
      ['anthropic.', ANTHROPIC_TAGS],
      ['litellm.', LITELLM_TAGS],
    ] as const) {
      const names = Object.values(tags);
      expect(new Set(names).size).toBe(names.length);
      expect(names.every(name => name.startsWith(prefix))).toBe(true);
    }
  });

  it('lists the id tags of each attribution annotation', () => {
    expect(VENDOR_ATTRIBUTION_TAGS).toEqual({
      'tollgate.dev/openai-projects': ['openai.project_id'],
      'tollgate.dev/anthropic-workspaces': ['anthropic.workspace_id'],
      'tollgate.dev/litellm-teams': ['litellm.team_id', 'litellm.team_alias'],
      'tollgate.dev/api-keys': [
        'openai.api_key_id',
        'anthropic.api_key_id',
        'litellm.key_alias',
        'litellm.api_key',
      ],
    });
  });

  it('maps every vendor id annotation of the common package', () => {
    expect(Object.keys(VENDOR_ATTRIBUTION_TAGS).sort()).toEqual(
      [...VENDOR_ID_ANNOTATIONS].sort(),
    );
  });
});
