import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The key an entity is stored, budgeted and found by: its full ref
 * (`kind:namespace/name`) lower-cased. Given as text, the ref is taken as written in
 * full; see normalizeEntityRef for refs that may leave out their kind or namespace.
 */
export function entityRefKey(ref: string | Entity | CompoundEntityRef): string {
  const text = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
  return text.toLocaleLowerCase('en-US');
}

/**
 * The key of a ref as sources and callers write it ("Component:summarizer"), whose
 * kind defaults to Component and namespace to default; undefined if it is no ref.
 */
export function normalizeEntityRef(ref: string): string | undefined {
  try {
    return entityRefKey(
      parseEntityRef(ref, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
