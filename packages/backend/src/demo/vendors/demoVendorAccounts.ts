/**
 * The vendor accounts the demo's capabilities spend through: an OpenAI project and an
 * Anthropic workspace per capability, each with one API key, and the LiteLLM team of
 * the capability whose calls go through a LiteLLM proxy. The example catalog claims
 * each capability's project, workspace and team (examples/capabilities.yaml); the
 * project of the invoice's spend that names no catalog entity is claimed by none.
 */

/** The invoice's capability that names no catalog entity: its project is unclaimed. */
export const DEMO_UNCLAIMED_CAPABILITY = 'legacy-batch-job';

/**
 * The capability whose model calls go through the demo's LiteLLM proxy: one the traffic
 * simulator does not instrument, as telemetry sources of one kind do not supersede
 * each other (the proxy's logs and a capability's own token metrics would count the
 * same calls twice).
 */
export const DEMO_LITELLM_CAPABILITY = 'agent-assist';

/** The LiteLLM team of that capability: its id, as the proxy generates them, and alias. */
export const DEMO_LITELLM_TEAM = {
  id: 'a3f1c2e4-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  alias: 'agent-assist',
};

/** The LiteLLM virtual key of that team: its alias and the hash the logs show. */
export const DEMO_LITELLM_KEY = {
  alias: 'agent-assist-prod',
  hash: '88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b',
};

function slug(capability: string): string {
  return capability.replace(/-/g, '_');
}

/** The OpenAI project of a capability, such as `proj_support_summarizer`. */
export function openAiProjectId(capability: string): string {
  return `proj_${slug(capability)}`;
}

/** The OpenAI API key of a capability's project, such as `key_support_summarizer`. */
export function openAiApiKeyId(capability: string): string {
  return `key_${slug(capability)}`;
}

/** The Anthropic workspace of a capability, such as `wrkspc_support_summarizer`. */
export function anthropicWorkspaceId(capability: string): string {
  return `wrkspc_${slug(capability)}`;
}

/** The Anthropic API key of a capability's workspace, such as `apikey_ticket_triage`. */
export function anthropicApiKeyId(capability: string): string {
  return `apikey_${slug(capability)}`;
}

/** The OpenAI project of the spend that no catalog entity claims. */
export const DEMO_UNCLAIMED_OPENAI_PROJECT = openAiProjectId(
  DEMO_UNCLAIMED_CAPABILITY,
);
