import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Reads an entity ref given as text (the namespace defaults to `default`); throws
 * InputError naming the field.
 */
export function readEntityRef(
  value: string,
  field = 'entityRef',
): CompoundEntityRef {
  try {
    return parseEntityRef(value, { defaultNamespace: 'default' });
  } catch {
    throw new InputError(
      `${field} ${JSON.stringify(
        value,
      )} is not an entity ref: expected kind:namespace/name, such as component:default/summarizer`,
    );
  }
}

/** The entity as the caller may see it in the catalog; NotFoundError if it is not there. */
export async function loadCatalogEntity(
  catalog: CatalogService,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(
      `No entity ${stringifyEntityRef(ref)} in the catalog`,
    );
  }
  return entity;
}
