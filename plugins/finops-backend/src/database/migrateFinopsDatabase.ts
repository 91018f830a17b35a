import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';

const migrationsDir = resolvePackagePath(
  '@tollgate/plugin-finops-backend',
  'migrations',
);

/** Migrates the finops tables unless `backend.database.migrations.skip` is set. */
export async function migrateFinopsDatabase(database: DatabaseService) {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
