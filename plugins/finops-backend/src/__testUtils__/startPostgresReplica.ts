import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  TestBackend,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { finopsPlugin } from '../plugin';

/** The PostgreSQL server of the tests, when one is configured. */
export const postgresConnectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

/**
 * Starts the finops plugin as one replica of several sharing a PostgreSQL database
 * (`<prefix>finops`), with Backstage's own database and scheduler services, as
 * production replicas run.
 */
export function startPostgresReplica(
  prefix: string,
  options: { entities: Entity[]; features?: BackendFeature[] },
): Promise<TestBackend> {
  const url = new URL(postgresConnectionString!);
  return startTestBackend({
    features: [
      finopsPlugin,
      databaseServiceFactory,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'pg',
              prefix,
              connection: {
                host: url.hostname,
                port: Number(url.port || 5432),
                user: decodeURIComponent(url.username),
                password: decodeURIComponent(url.password),
              },
            },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
}

/** Drops the replicas' database of a prefix, so that a test starts from nothing. */
export async function dropReplicaDatabase(prefix: string) {
  const admin = knexFactory({
    client: 'pg',
    connection: postgresConnectionString,
  });
  await admin.raw(`DROP DATABASE IF EXISTS ${prefix}finops WITH (FORCE)`);
  await admin.destroy();
}
