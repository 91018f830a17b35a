import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateFinopsDatabase } from '../src/database/migrateFinopsDatabase';

/** The databases a benchmark runs on. */
export type BenchDatabase = 'sqlite' | 'pg';

/** A fresh, migrated finops database: a SQLite file or a new PostgreSQL database. */
export async function openBenchDatabase(
  kind: BenchDatabase,
  name: string,
): Promise<Knex> {
  let db: Knex;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, `${name}.sqlite`) },
      useNullAsDefault: true,
    });
  } else {
    const url = new URL(
      process.env.TOLLGATE_BENCH_POSTGRES ??
        'postgresql://postgres@127.0.0.1:5432',
    );
    const admin = knexFactory({ client: 'pg', connection: url.href });
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.raw(`CREATE DATABASE ${name}`);
    await admin.destroy();
    url.pathname = `/${name}`;
    db = knexFactory({ client: 'pg', connection: url.href });
  }
  const database: DatabaseService = { getClient: async () => db };
  await migrateFinopsDatabase(database);
  return db;
}

/** A logger that keeps quiet, so that logging is not measured. */
export const quietLogger: LoggerService = {
  child: () => quietLogger,
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

/** The value below which the given share of the sorted samples lies. */
export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

/** Reads `--name value` from the command line. */
export function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}
