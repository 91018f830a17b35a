import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readCostedEntities } from './readCostedEntities';

/** Loads the entities that spend can be attributed to, with the backend's own credentials. */
export class CatalogEntityLoader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async load(): Promise<Entity[]> {
    return readCostedEntities(
      this.catalog,
      await this.auth.getOwnServiceCredentials(),
    );
  }
}
