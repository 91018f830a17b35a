import { Knex } from 'knex';

/**
 * Serializes the transactions that rewrite one source's stored data. On PostgreSQL,
 * where replicas write at once, a transaction-scoped advisory lock per source makes a
 * second writer wait until the first has committed, so that its delete sees the first
 * one's rows and nothing is counted twice. SQLite has one writer already.
 */
export async function lockSource(trx: Knex.Transaction, sourceId: string) {
  if (trx.client.driverName === 'pg') {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
      `finops-source:${sourceId}`,
    ]);
  }
}
