import { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';

interface PgConnection {
  query<T>(submittable: T): T;
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** A value as the text format of COPY writes it; null and undefined are `\N`. */
export function toCopyText(value: unknown): string {
  if (value === null || value === undefined) {
    return '\\N';
  }
  if (typeof value === 'bigint' || typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 't' : 'f';
  }
  const text = value instanceof Date ? value.toISOString() : String(value);
  return SPECIAL.test(text)
    ? text.replace(SPECIALS, special => ESCAPES[special])
    : text;
}

/**
 * Inserts rows into a PostgreSQL table through `COPY … FROM STDIN` in its text format,
 * on the connection of the transaction (or one of the pool's): the server reads them
 * as one stream, with no statement to parse and plan and no parameter to bind. The
 * rows are given as one array of their values, row after row.
 */
export async function copyPgRows(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
): Promise<void> {
  const width = columns.length;
  let text = '';
  for (let start = 0; start < values.length; start += width) {
    let line = toCopyText(values[start]);
    for (let i = start + 1; i < start + width; i++) {
      line += `\t${toCopyText(values[i])}`;
    }
    text += `${line}\n`;
  }
  const connection: PgConnection = await db.client.acquireConnection();
  try {
    const stream = connection.query(
      copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`),
    );
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(text);
    });
  } finally {
    await db.client.releaseConnection(connection);
  }
}
