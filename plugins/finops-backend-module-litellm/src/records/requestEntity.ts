import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The key of a request's `spend_logs_metadata` that names its catalog entity. */
export const ENTITY_METADATA_KEY = 'backstage-entity';
/** The prefix of a request tag that names its catalog entity. */
export const ENTITY_TAG_PREFIX = 'backstage-entity:';

/** The entity a request names, as a full lower-case ref, or the text that is not a ref. */
export type RequestEntity = { entityRef: string } | { invalid: string };

const validator = makeValidator();

/** A valid entity ref in its full lower-case form, else undefined. */
function normalized(text: string): string | undefined {
  let ref;
  try {
    ref = parseEntityRef(text, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
  const valid =
    validator.isValidKind(ref.kind) &&
    validator.isValidNamespace(ref.namespace) &&
    validator.isValidEntityName(ref.name);
  return valid ? stringifyEntityRef(ref).toLocaleLowerCase('en-US') : undefined;
}

/**
 * The catalog entity a request names: `backstage-entity` in its `spend_logs_metadata`
 * (`{ "backstage-entity": "component:default/summarizer" }`), else its first request
 * tag `backstage-entity:<ref>`. A ref without kind is a component, without namespace
 * in `default`. Undefined when the request names none.
 */
export function requestEntity(
  spendLogsMetadata: Record<string, unknown> | undefined,
  requestTags: string[],
): RequestEntity | undefined {
  const fromMetadata = spendLogsMetadata?.[ENTITY_METADATA_KEY];
  const fromTag = requestTags
    .find(tag => tag.startsWith(ENTITY_TAG_PREFIX))
    ?.slice(ENTITY_TAG_PREFIX.length);
  const text = (
    typeof fromMetadata === 'string' && fromMetadata.trim()
      ? fromMetadata
      : fromTag
  )?.trim();
  if (!text) {
    return undefined;
  }
  const entityRef = normalized(text);
  return entityRef ? { entityRef } : { invalid: text };
}
