import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { COSTED_ENTITY_KINDS } from '@tollgate/plugin-finops-common';

/** The catalog's entities of the kinds spend can be attributed to, as the credentials may see them. */
export async function readCostedEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const { items } = await catalog.getEntities(
    { filter: { kind: [...COSTED_ENTITY_KINDS] } },
    { credentials },
  );
  return items;
}
