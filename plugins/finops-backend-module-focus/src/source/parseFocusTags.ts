import { parseJsonObject } from './parseJsonObject';

/** The Tags of a row, or what is wrong with them. */
export type FocusTagsResult =
  | { tags: Record<string, string> }
  | { error: string };

function tagValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return value === null ? '' : JSON.stringify(value);
}

/**
 * Reads the FOCUS Tags column: a JSON object whose values become strings (`null` an
 * empty string, numbers and objects their JSON). Exports carry keys with stray spaces
 * (`" team"`); keys are trimmed, and two keys that become one are an error naming
 * both unless they hold the same value, so that no tag is silently lost.
 */
export function parseFocusTags(text: string): FocusTagsResult {
  const result = parseJsonObject(text);
  if (!result.ok) {
    return { error: `Tags ${result.error}` };
  }
  const tags = new Map<string, { raw: string; value: string }>();
  for (const [raw, json] of Object.entries(result.value)) {
    const key = raw.trim();
    const value = tagValue(json);
    const earlier = tags.get(key);
    if (earlier && earlier.value !== value) {
      return {
        error: `Tags has the keys ${JSON.stringify(
          earlier.raw,
        )} and ${JSON.stringify(raw)}, which are both ${JSON.stringify(
          key,
        )} without their spaces, with different values`,
      };
    }
    tags.set(key, { raw, value });
  }
  return {
    tags: Object.fromEntries([...tags].map(([key, { value }]) => [key, value])),
  };
}
