import { Knex } from 'knex';

/**
 * Inserts rows with one multi-row `INSERT … VALUES (…), (…)` statement. knex writes
 * SQLite multi-row inserts as compound SELECTs, which SQLite caps at 500 terms; plain
 * VALUES lists are only limited by the number of bound variables.
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
  await db.raw(sql, rows.flat() as Knex.Value[]);
}
