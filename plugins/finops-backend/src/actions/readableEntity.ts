import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { finopsCostReadPermission } from '@tollgate/plugin-finops-common';
import { AuthorizeCredentials } from '../http/createAuthorizer';
import { loadCatalogEntity, readEntityRef } from '../http/loadCatalogEntity';
import { FinopsActionServices } from './FinopsActionServices';

/**
 * The entity an action's `entityRef` names, as the caller sees it in the catalog, once
 * the caller may read its cost; with its ref as the catalog writes it.
 */
export async function readableEntity(
  services: Pick<FinopsActionServices, 'catalog'>,
  authorize: AuthorizeCredentials,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<{ entity: Entity; entityRef: string }> {
  const entity = await loadCatalogEntity(
    services.catalog,
    readEntityRef(entityRef),
    credentials,
  );
  const ref = stringifyEntityRef(entity);
  await authorize(credentials, finopsCostReadPermission, ref);
  return { entity, entityRef: ref };
}
