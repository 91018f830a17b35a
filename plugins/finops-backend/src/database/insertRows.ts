import { Knex } from 'knex';

interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/** Prepared multi-row inserts per SQLite connection, by statement text. */
const preparedBySqliteConnection = new WeakMap<
  SqliteConnection,
  Map<string, SqliteStatement>
>();

/**
 * Inserts rows with one multi-row `INSERT … VALUES (…), (…)` statement. knex writes
 * SQLite multi-row inserts as compound SELECTs, which SQLite caps at 500 terms; plain
 * VALUES lists are only limited by the number of bound variables.
 *
 * Inside a transaction on SQLite (better-sqlite3) the statement is prepared once per
 * connection and row count and bound directly: preparing a 16,000-variable statement and
 * substituting its bindings through knex for every batch costs more than the insert.
 */
export async function insertRows(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows
    .map(() => tuple)
    .join(', ')}`;
  const values = rows.flat();
  if (isSqliteTransaction(db)) {
    const connection: SqliteConnection = await db.client.acquireConnection();
    let prepared = preparedBySqliteConnection.get(connection);
    if (!prepared) {
      prepared = new Map();
      preparedBySqliteConnection.set(connection, prepared);
    }
    let statement = prepared.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      prepared.set(sql, statement);
    }
    statement.run(values.map(toSqliteValue));
    return;
  }
  await db.raw(sql, values as Knex.Value[]);
}

function isSqliteTransaction(
  db: Knex | Knex.Transaction,
): db is Knex.Transaction {
  return (
    (db as Knex.Transaction).isTransaction === true &&
    db.client.driverName === 'better-sqlite3'
  );
}

/** What knex's better-sqlite3 dialect does to bindings: dates as numbers, booleans as 0/1. */
export function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) {
    return value.valueOf();
  }
  if (typeof value === 'boolean') {
    return Number(value);
  }
  return value === undefined ? null : value;
}
