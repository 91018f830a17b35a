/**
 * Cost record tags holding the OpenTelemetry GenAI attributes that name the agent and
 * the conversation (session) a cost belongs to, as sources keep them: metered usage
 * reported with an agent and session id, Prometheus token metrics labelled with them,
 * FOCUS rows whose Tags carry them.
 *
 * @public
 */
export const GEN_AI_TAGS = {
  agentId: 'gen_ai.agent.id',
  agentName: 'gen_ai.agent.name',
  conversationId: 'gen_ai.conversation.id',
} as const;

/** The breakdown key of spend that names no agent. @public */
export const NO_AGENT_KEY = '(no agent)';
/** The breakdown key of spend that names no session. @public */
export const NO_SESSION_KEY = '(no session)';

/**
 * The agent a cost record's tags attribute it to: `gen_ai.agent.id`, else
 * `gen_ai.agent.name`; undefined when neither holds a value.
 *
 * @public
 */
export function agentOfTags(
  tags: Record<string, string> | undefined,
): string | undefined {
  return (
    nonBlank(tags?.[GEN_AI_TAGS.agentId]) ??
    nonBlank(tags?.[GEN_AI_TAGS.agentName])
  );
}

/**
 * The session (conversation) a cost record's tags attribute it to:
 * `gen_ai.conversation.id`; undefined when it holds no value.
 *
 * @public
 */
export function sessionOfTags(
  tags: Record<string, string> | undefined,
): string | undefined {
  return nonBlank(tags?.[GEN_AI_TAGS.conversationId]);
}

/** A tag's value as reported; blank values name nothing. */
function nonBlank(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}
