import { CostRecord } from '@tollgate/plugin-finops-common';
import { ANTHROPIC_TAGS } from '@tollgate/plugin-finops-node';

/** Who charges, on every record of an Anthropic source. */
export const ANTHROPIC_PROVIDER = 'anthropic';
/** The service charged, on every record of an Anthropic source. */
export const ANTHROPIC_SERVICE = 'Anthropic API';
/** Anthropic reports costs in US dollars; usage records (no money) say so too. */
export const ANTHROPIC_USAGE_CURRENCY = 'USD';

/** Result fields kept as tags where the report holds a value for them. */
const RESULT_TAGS: Array<[string, string]> = [
  ['workspace_id', ANTHROPIC_TAGS.workspaceId],
  ['api_key_id', ANTHROPIC_TAGS.apiKeyId],
  ['service_tier', ANTHROPIC_TAGS.serviceTier],
  ['context_window', ANTHROPIC_TAGS.contextWindow],
  ['inference_geo', ANTHROPIC_TAGS.inferenceGeo],
  ['description', ANTHROPIC_TAGS.description],
  ['cost_type', ANTHROPIC_TAGS.costType],
];

/** A result field that is wrong; the source names the report and day. */
export { MalformedResultError } from '@tollgate/plugin-finops-node';

/** The tags of a result: its report and the fields that hold a value. */
export function resultTags(
  report: string,
  result: Record<string, unknown>,
): Record<string, string> {
  const tags: Record<string, string> = { [ANTHROPIC_TAGS.report]: report };
  for (const [field, tag] of RESULT_TAGS) {
    const value = result[field];
    if (typeof value === 'string' && value !== '') {
      tags[tag] = value;
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

/** The fields every record of an Anthropic source shares. */
export function anthropicRecord(
  fields: Omit<CostRecord, 'provider' | 'service'>,
): CostRecord {
  return {
    provider: ANTHROPIC_PROVIDER,
    service: ANTHROPIC_SERVICE,
    ...fields,
  };
}
