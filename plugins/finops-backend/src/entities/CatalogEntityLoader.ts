import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { COSTED_ENTITY_KINDS } from '@tollgate/plugin-finops-common';

/** Loads the entities that spend can be attributed to, with the backend's own credentials. */
export class CatalogEntityLoader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async load(): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: [...COSTED_ENTITY_KINDS] } },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items;
  }
}
