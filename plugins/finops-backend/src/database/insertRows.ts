import { yieldToEventLoop } from './yieldToEventLoop';
import { Knex } from 'knex';
import { copyPgRows } from './copyPgRows';
import { toPgArrayLiteral } from './toPgArrayLiteral';

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

/** PostgreSQL rows from which COPY is faster than one statement of arrays. */
const MIN_COPY_ROWS = 100;

/**
 * Rows per multi-row insert (insertRowsInBatches, the window writer's batches and
 * rollup slices): 17 columns stay well inside SQLite's variable limit.
 */
export const ROWS_PER_STATEMENT = 1000;

/** SQLite multi-row insert statements by table, columns and row count. */
const sqliteInsertSqls = new Map<string, string>();

/** PostgreSQL column types by table and column, read once per process. */
const pgColumnTypes = new Map<string, Promise<Map<string, string>>>();

/**
 * Inserts rows in one statement (see insertRowValues).
 *
 * Values may be strings, numbers, bigints, booleans, dates or null.
 */
export async function insertRows(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  const values: unknown[] = new Array(rows.length * columns.length);
  let next = 0;
  for (const row of rows) {
    for (const value of row) {
      values[next++] = value;
    }
  }
  await insertRowValues(db, table, columns, values);
}

/**
 * Inserts rows in one statement, given as one array of their values, row after row
 * (`columns.length` values a row), which a writer fills with no array per row. The
 * array is the statement's: SQLite's values are converted in it.
 *
 * - PostgreSQL gets many rows through COPY (see copyPgRows), and a few as one array
 *   per column (`INSERT … SELECT * FROM unnest($1::type[], …)`): a handful of
 *   parameters instead of one per value, which the driver and the server handle far
 *   faster.
 * - SQLite gets one multi-row `INSERT … VALUES (…), (…)`. knex writes SQLite multi-row
 *   inserts as compound SELECTs, which SQLite caps at 500 terms; plain VALUES lists are
 *   only limited by the number of bound variables. Inside a transaction
 *   (better-sqlite3) the statement is prepared once per connection and row count and
 *   bound directly: preparing a 16,000-variable statement and substituting its
 *   bindings through knex for every batch costs more than the insert.
 *
 * Values may be strings, numbers, bigints, booleans, dates or null.
 */
export async function insertRowValues(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  values: unknown[],
): Promise<void> {
  const rowCount = values.length / columns.length;
  if (rowCount === 0) {
    return;
  }
  if (db.client.driverName === 'pg') {
    if (rowCount >= MIN_COPY_ROWS) {
      await copyPgRows(db, table, columns, values);
    } else {
      await insertPgRows(db, table, columns, values);
    }
    return;
  }
  // Each SQLite statement runs synchronously: let requests in between.
  await yieldToEventLoop();
  const sql = sqliteInsertSql(table, columns, rowCount);
  for (let i = 0; i < values.length; i++) {
    values[i] = toSqliteValue(values[i]);
  }
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
    statement.run(values);
    return;
  }
  await db.raw(
    sql,
    values.map(v => (typeof v === 'bigint' ? v.toString() : v)) as Knex.Value[],
  );
}

/**
 * `INSERT … VALUES (?, …), (?, …)` for a number of rows; kept, since the same few
 * statements are written for every batch and each is tens of kilobytes long.
 */
function sqliteInsertSql(
  table: string,
  columns: readonly string[],
  rowCount: number,
): string {
  const key = `${table}(${columns.join(',')})${rowCount}`;
  let sql = sqliteInsertSqls.get(key);
  if (!sql) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${new Array(
      rowCount,
    )
      .fill(tuple)
      .join(', ')}`;
    if (sqliteInsertSqls.size < 1000) sqliteInsertSqls.set(key, sql);
  }
  return sql;
}

async function insertPgRows(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
) {
  const types = await pgTypesOf(db, table);
  const width = columns.length;
  const arrays = columns.map((column, index) => {
    const type = types.get(column);
    if (!type) {
      throw new Error(`Table ${table} has no column ${column}`);
    }
    const columnValues: unknown[] = [];
    for (let i = index; i < values.length; i += width) {
      columnValues.push(values[i]);
    }
    return { literal: toPgArrayLiteral(columnValues), type };
  });
  await db.raw(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays
      .map(a => `?::${a.type}[]`)
      .join(', ')})`,
    arrays.map(a => a.literal),
  );
}

function pgTypesOf(
  db: Knex | Knex.Transaction,
  table: string,
): Promise<Map<string, string>> {
  let types = pgColumnTypes.get(table);
  if (!types) {
    types = db
      .select('column_name', 'data_type')
      .from('information_schema.columns')
      .where({ table_name: table })
      .whereRaw('table_schema = current_schema()')
      .then((found: Array<{ column_name: string; data_type: string }>) => {
        if (found.length === 0) {
          throw new Error(`Table ${table} does not exist`);
        }
        return new Map(found.map(c => [c.column_name, c.data_type]));
      });
    types.catch(() => pgColumnTypes.delete(table));
    pgColumnTypes.set(table, types);
  }
  return types;
}

function isSqliteTransaction(
  db: Knex | Knex.Transaction,
): db is Knex.Transaction {
  return (
    (db as Knex.Transaction).isTransaction === true &&
    db.client.driverName === 'better-sqlite3'
  );
}

/**
 * What knex's better-sqlite3 dialect does to bindings: dates as numbers, booleans as
 * 0/1. Bigints are bound as SQLite integers.
 */
export function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) {
    return value.valueOf();
  }
  if (typeof value === 'boolean') {
    return Number(value);
  }
  return value === undefined ? null : value;
}

/** Inserts rows in statements of at most 1,000 rows each. */
export async function insertRowsInBatches(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await insertRows(db, table, columns, rows.slice(i, i + ROWS_PER_STATEMENT));
  }
}
