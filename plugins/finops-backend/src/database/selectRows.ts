import { Knex } from 'knex';
import { toSqliteValue } from './insertRows';

interface SqliteConnection {
  prepare(sql: string): {
    raw(raw: boolean): { all(params: unknown[]): unknown[][] };
  };
}

/**
 * The rows of a select as arrays of their values, in the order the columns are
 * selected. When rows are many, building an object per row costs more than reading
 * it: PostgreSQL is asked for arrays (`rowMode`), and better-sqlite3, to which knex
 * passes no such option, for raw rows on a connection of the pool. Other clients'
 * rows are read as objects and converted.
 */
export async function selectRows(
  db: Knex,
  query: Knex.QueryBuilder,
): Promise<unknown[][]> {
  const driver = db.client.driverName;
  if (driver === 'pg') {
    return (await query.options({ rowMode: 'array' })) as unknown[][];
  }
  if (driver !== 'better-sqlite3') {
    const rows: Array<Record<string, unknown>> = await query;
    return rows.map(row => Object.values(row));
  }
  const { sql, bindings } = query.toSQL().toNative();
  const connection: SqliteConnection = await db.client.acquireConnection();
  try {
    return connection.prepare(sql).raw(true).all(bindings.map(toSqliteValue));
  } finally {
    await db.client.releaseConnection(connection);
  }
}
