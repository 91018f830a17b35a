import { LITELLM_TAGS } from '@tollgate/plugin-finops-node';

/** A field's value where it is text that holds something, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Where each tag's value is read: the row's own field first, then its metadata. */
const SOURCES: Array<[string, string | undefined, string | undefined]> = [
  [LITELLM_TAGS.teamId, 'team_id', 'user_api_key_team_id'],
  [LITELLM_TAGS.teamAlias, undefined, 'user_api_key_team_alias'],
  [LITELLM_TAGS.keyAlias, undefined, 'user_api_key_alias'],
  [LITELLM_TAGS.apiKey, 'api_key', undefined],
  [LITELLM_TAGS.user, 'user', 'user_api_key_user_id'],
  [LITELLM_TAGS.endUser, 'end_user', undefined],
  [LITELLM_TAGS.organizationId, 'organization_id', 'user_api_key_org_id'],
  [LITELLM_TAGS.modelGroup, 'model_group', undefined],
];

/**
 * The tags of one request: who made it (team, key alias, the key's hash, user, end
 * user, organization), its model group, its request tags (a JSON array, sorted, each
 * once) and an entity ref it named that is not valid.
 */
export function spendLogTags(
  row: Record<string, unknown>,
  metadata: Record<string, unknown>,
  requestTags: string[],
  invalidEntityRef?: string,
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [tag, field, metadataKey] of SOURCES) {
    const value =
      (field ? text(row[field]) : undefined) ??
      (metadataKey ? text(metadata[metadataKey]) : undefined);
    if (value) {
      tags[tag] = value;
    }
  }
  if (requestTags.length) {
    tags[LITELLM_TAGS.requestTags] = JSON.stringify(
      [...new Set(requestTags)].sort(),
    );
  }
  if (invalidEntityRef) {
    tags[LITELLM_TAGS.entityRef] = invalidEntityRef;
  }
  return tags;
}
