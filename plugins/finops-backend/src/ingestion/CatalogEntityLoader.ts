import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const KINDS = ['Component', 'Resource', 'System', 'API', 'Group', 'Domain'];

/** Loads the entities that spend can be attributed to, with the backend's own credentials. */
export class CatalogEntityLoader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async load(): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: KINDS } },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items;
  }
}
