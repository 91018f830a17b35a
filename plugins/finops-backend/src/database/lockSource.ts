import { Knex } from 'knex';

/**
 * Holds transaction-scoped locks on the given keys until the transaction ends, taken in
 * sorted order so that two transactions never wait for each other. A shared lock
 * excludes only the exclusive holders of its key. On PostgreSQL, where replicas write
 * at once, these are advisory locks; SQLite has one writer already.
 */
export async function lockKeys(
  trx: Knex.Transaction,
  keys: string[],
  mode: 'exclusive' | 'shared' = 'exclusive',
) {
  if (trx.client.driverName !== 'pg') {
    return;
  }
  const lock =
    mode === 'shared'
      ? 'pg_advisory_xact_lock_shared'
      : 'pg_advisory_xact_lock';
  if (!keys.length) {
    return;
  }
  // one round trip: unnest yields the sorted keys in order, each locked in its turn
  await trx.raw(`SELECT ${lock}(hashtext(key)) FROM unnest(?::text[]) AS key`, [
    [...new Set(keys)].sort(),
  ]);
}

/**
 * Serializes the transactions that rewrite one source's stored data: a second writer
 * waits until the first has committed, so that its delete sees the first one's rows and
 * nothing is counted twice.
 */
export function lockSource(trx: Knex.Transaction, sourceId: string) {
  return lockKeys(trx, [`finops-source:${sourceId}`]);
}
