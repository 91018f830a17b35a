import { CostRecord } from '@tollgate/plugin-finops-common';
import { CostSourceItem } from '@tollgate/plugin-finops-node';
import { StoredItem } from '../database/CostStore';
import { UNKNOWN_ENTITY_TAG } from '../database/unknownEntityRecords';
import { EntityIndex } from './EntityIndex';

/**
 * Attributes what a source yields: a record whose entity is in the catalog gets that
 * entity's cost center and team where the source left them out; a record naming an
 * entity the catalog does not have is kept as unallocated, its ref kept in the tags.
 */
export async function* attributeItems(
  items: AsyncIterable<CostSourceItem>,
  index: () => Promise<EntityIndex>,
): AsyncIterable<StoredItem> {
  for await (const item of items) {
    if (item.type !== 'cost' || !item.record.entityRef) {
      yield item;
      continue;
    }
    yield { type: 'cost', record: attributeRecord(item.record, await index()) };
  }
}

/** A record as attributed against the catalog's entities; see attributeItems. */
export function attributeRecord(
  record: CostRecord,
  index: EntityIndex,
): CostRecord {
  const found = index.get(record.entityRef!);
  if (!found) {
    return {
      ...record,
      entityRef: undefined,
      tags: { ...record.tags, [UNKNOWN_ENTITY_TAG]: record.entityRef! },
    };
  }
  return {
    ...record,
    entityRef: found.ref,
    costCenter: record.costCenter ?? found.costCenter,
    team: record.team ?? found.team,
  };
}

/**
 * A stored record kept as unallocated, attributed to the entity it named if the
 * catalog has it now, as if it had been ingested now; any other record as it is.
 */
export function reattributeStoredRecord(
  record: CostRecord,
  index: EntityIndex,
): CostRecord {
  const named = record.tags?.[UNKNOWN_ENTITY_TAG];
  if (record.entityRef || !named || !index.get(named)) {
    return record;
  }
  const { [UNKNOWN_ENTITY_TAG]: _named, ...tags } = record.tags!;
  return attributeRecord(
    {
      ...record,
      entityRef: named,
      tags: Object.keys(tags).length ? tags : undefined,
    },
    index,
  );
}
