const BODY_EXCERPT = 300;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The message of a parsed JSON error body, where it holds one in a known place. */
function messageOf(body: unknown): string | undefined {
  const object = body as {
    error?: { message?: unknown } | unknown;
    detail?: { error?: unknown } | unknown;
  } | null;
  if (typeof object !== 'object' || object === null) {
    return undefined;
  }
  const { error, detail } = object;
  return (
    text((error as { message?: unknown } | null)?.message) ??
    text(error) ??
    text(detail) ??
    text((detail as { error?: unknown } | null)?.error)
  );
}

/**
 * What an error response says, for a message: the message of a JSON error body
 * (`{ error: { message } }` as OpenAI, Anthropic and LiteLLM write it, `{ error }`,
 * or FastAPI's `{ detail }` and `{ detail: { error } }`), else an excerpt of the body.
 */
export function describeBody(body: string): string {
  try {
    const message = messageOf(JSON.parse(body));
    if (message) {
      return message;
    }
  } catch {
    // not JSON: the excerpt says what it is
  }
  const flat = body.replace(/\s+/g, ' ').trim();
  if (!flat) {
    return 'empty body';
  }
  return flat.length > BODY_EXCERPT ? `${flat.slice(0, BODY_EXCERPT)}…` : flat;
}
