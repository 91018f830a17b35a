import { Knex } from 'knex';

/**
 * Holds transaction-scoped locks on the given keys until the transaction ends, taken in
 * sorted order so that two transactions never wait for each other. On PostgreSQL, where
 * replicas write at once, these are advisory locks; SQLite has one writer already.
 */
export async function lockKeys(trx: Knex.Transaction, keys: string[]) {
  if (trx.client.driverName !== 'pg') {
    return;
  }
  for (const key of [...keys].sort()) {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [key]);
  }
}

/**
 * Serializes the transactions that rewrite one source's stored data: a second writer
 * waits until the first has committed, so that its delete sees the first one's rows and
 * nothing is counted twice.
 */
export function lockSource(trx: Knex.Transaction, sourceId: string) {
  return lockKeys(trx, [`finops-source:${sourceId}`]);
}
