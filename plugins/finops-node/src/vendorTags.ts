import {
  ANNOTATION_ANTHROPIC_WORKSPACES,
  ANNOTATION_API_KEYS,
  ANNOTATION_LITELLM_TEAMS,
  ANNOTATION_OPENAI_PROJECTS,
  VendorIdAnnotation,
} from '@tollgate/plugin-finops-common';

/**
 * Cost record tags of the OpenAI source: the report a record comes from, and the
 * vendor ids that attribution maps to catalog entities (`openai.project_id` through
 * `tollgate.dev/openai-projects`, `openai.api_key_id` through `tollgate.dev/api-keys`).
 *
 * @public
 */
export const OPENAI_TAGS = {
  report: 'openai.report',
  projectId: 'openai.project_id',
  apiKeyId: 'openai.api_key_id',
  userId: 'openai.user_id',
  batch: 'openai.batch',
  serviceTier: 'openai.service_tier',
  lineItem: 'openai.line_item',
} as const;

/**
 * Cost record tags of the Anthropic source: the report a record comes from, and the
 * vendor ids that attribution maps to catalog entities (`anthropic.workspace_id`
 * through `tollgate.dev/anthropic-workspaces`, `anthropic.api_key_id` through
 * `tollgate.dev/api-keys`). Usage of the organization's default workspace has no
 * workspace id.
 *
 * @public
 */
export const ANTHROPIC_TAGS = {
  report: 'anthropic.report',
  workspaceId: 'anthropic.workspace_id',
  apiKeyId: 'anthropic.api_key_id',
  serviceTier: 'anthropic.service_tier',
  contextWindow: 'anthropic.context_window',
  inferenceGeo: 'anthropic.inference_geo',
  description: 'anthropic.description',
  costType: 'anthropic.cost_type',
  /** `5m` or `1h`: how long the prompt cache written by cache-write tokens lasts. */
  cacheTtl: 'anthropic.cache_ttl',
} as const;

/**
 * Cost record tags of the LiteLLM source: who made the requests through the proxy, as
 * its spend logs name them. `litellm.team_id` and `litellm.team_alias` are what
 * `tollgate.dev/litellm-teams` lists; `litellm.key_alias` and `litellm.api_key` (the
 * hash LiteLLM keeps of a virtual key, never the key) what `tollgate.dev/api-keys`
 * lists. `litellm.request_tags` holds the requests' tags as a JSON array of strings,
 * sorted; `litellm.entity_ref` an entity ref the requests named that is not a valid
 * ref (a valid one becomes the record's entity).
 *
 * @public
 */
export const LITELLM_TAGS = {
  teamId: 'litellm.team_id',
  teamAlias: 'litellm.team_alias',
  keyAlias: 'litellm.key_alias',
  apiKey: 'litellm.api_key',
  user: 'litellm.user',
  endUser: 'litellm.end_user',
  organizationId: 'litellm.organization_id',
  modelGroup: 'litellm.model_group',
  requestTags: 'litellm.request_tags',
  entityRef: 'litellm.entity_ref',
} as const;

/**
 * For each annotation that lists vendor ids whose spend belongs to an entity, the
 * record tags holding such ids: a record whose tag holds one of the ids an entity's
 * annotation lists is that entity's spend. Where a record's tags hold several ids of
 * one annotation, they are named in this order (a LiteLLM team by its id before its
 * alias).
 *
 * @public
 */
export const VENDOR_ATTRIBUTION_TAGS: Readonly<
  Record<VendorIdAnnotation, readonly string[]>
> = {
  [ANNOTATION_OPENAI_PROJECTS]: [OPENAI_TAGS.projectId],
  [ANNOTATION_ANTHROPIC_WORKSPACES]: [ANTHROPIC_TAGS.workspaceId],
  [ANNOTATION_LITELLM_TEAMS]: [LITELLM_TAGS.teamId, LITELLM_TAGS.teamAlias],
  [ANNOTATION_API_KEYS]: [
    OPENAI_TAGS.apiKeyId,
    ANTHROPIC_TAGS.apiKeyId,
    LITELLM_TAGS.keyAlias,
    LITELLM_TAGS.apiKey,
  ],
};
