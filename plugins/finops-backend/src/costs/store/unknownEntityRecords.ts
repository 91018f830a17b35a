import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { lockKeys, lockSource } from '../../database/lockSource';
import { COUNT_ONCE_LOCK, countOnce } from './countOnce';
import { CostPrecedence } from './CostPrecedence';
import { rebuildRollups } from './rebuildRollups';

/** The tag in which a record kept as unallocated keeps the entity ref it named. */
export const UNKNOWN_ENTITY_TAG = 'tollgate.unknownEntityRef';

/** A source's day holding records that named an entity the catalog did not have. */
export interface UnknownEntityClaim {
  sourceId: string;
  day: string;
  /** The entity ref as the source wrote it. */
  entityRef: string;
}

/** Every source and day with records kept as unallocated for lack of their entity. */
export async function unknownEntityClaims(
  db: Knex,
): Promise<UnknownEntityClaim[]> {
  const rows: Array<{ source_id: string; day: string; tags: string }> =
    await db('finops_cost_records')
      .distinct('source_id', 'day', 'tags')
      .whereNull('entity_ref')
      .where('tags', 'like', `%"${UNKNOWN_ENTITY_TAG}"%`);
  const claims = new Map<string, UnknownEntityClaim>();
  for (const row of rows) {
    const entityRef = JSON.parse(row.tags)[UNKNOWN_ENTITY_TAG];
    if (typeof entityRef === 'string') {
      const claim = { sourceId: row.source_id, day: row.day, entityRef };
      claims.set(JSON.stringify(claim), claim);
    }
  }
  return [...claims.values()];
}

/**
 * Gives a source's stored records in a window the attribution `attribute` answers for
 * them (the same record when it stays as it is), and rebuilds the window's rollups
 * from the records, in one transaction. Answers how many records changed.
 */
export async function reattributeWindow(
  db: Knex,
  sourceId: string,
  window: DayWindow,
  attribute: (record: CostRecord) => CostRecord,
  precedence: CostPrecedence,
): Promise<number> {
  return db.transaction(async trx => {
    await lockSource(trx, sourceId);
    // metered writes of the source, which take no source lock, wait until it commits
    await lockKeys(trx, [COUNT_ONCE_LOCK]);
    const changed = await rebuildRollups(trx, sourceId, window, {
      attribute,
    });
    await countOnce(trx, window, precedence);
    return changed;
  });
}
