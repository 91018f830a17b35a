import { CostRecord } from '@tollgate/plugin-finops-common';
import { OPENAI_TAGS } from '@tollgate/plugin-finops-node';

/** Who charges, on every record of an OpenAI source. */
export const OPENAI_PROVIDER = 'openai';
/** The service charged, on every record of an OpenAI source. */
export const OPENAI_SERVICE = 'OpenAI API';
/** OpenAI bills usage in US dollars; usage records (which carry no money) say so too. */
export const OPENAI_USAGE_CURRENCY = 'USD';

/** Result fields kept as tags where the report grouped by them. */
const GROUP_TAGS: Array<[string, string]> = [
  ['project_id', OPENAI_TAGS.projectId],
  ['api_key_id', OPENAI_TAGS.apiKeyId],
  ['user_id', OPENAI_TAGS.userId],
  ['batch', OPENAI_TAGS.batch],
  ['service_tier', OPENAI_TAGS.serviceTier],
];

/** A result field that is wrong; the source names the report and day. */
export { MalformedResultError } from '@tollgate/plugin-finops-node';

/** The tags of a result: its report and the group fields that hold a value. */
export function resultTags(
  report: string,
  result: Record<string, unknown>,
): Record<string, string> {
  const tags: Record<string, string> = { [OPENAI_TAGS.report]: report };
  for (const [field, tag] of GROUP_TAGS) {
    const value = result[field];
    if (typeof value === 'string' && value !== '') {
      tags[tag] = value;
    } else if (typeof value === 'boolean') {
      tags[tag] = String(value);
    }
  }
  return tags;
}

/** A text field that holds a value, else undefined. */
export function optionalText(
  result: Record<string, unknown>,
  field: string,
): string | undefined {
  const value = result[field];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The fields every record of an OpenAI source shares. */
export function openAiRecord(
  fields: Omit<CostRecord, 'provider' | 'service'>,
): CostRecord {
  return { provider: OPENAI_PROVIDER, service: OPENAI_SERVICE, ...fields };
}
