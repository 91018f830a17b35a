import { CostRecord } from '@tollgate/plugin-finops-common';
import { CostSourceItem } from '@tollgate/plugin-finops-node';
import { StoredItem } from '../costs/store/CostStore';
import { UNKNOWN_ENTITY_TAG } from '../costs/store/unknownEntityRecords';
import { CostedCatalog } from '../entities/CostedCatalog';

/**
 * Attributes what a source yields: a record whose entity is in the catalog gets that
 * entity's cost center and team where the source left them out; a record naming an
 * entity the catalog does not have is kept as unallocated, its ref kept in the tags.
 * A record naming no entity is the spend of the one entity that claims a vendor id
 * in its tags (see VendorClaims.decide), else kept as unallocated.
 */
export async function* attributeItems(
  items: AsyncIterable<CostSourceItem>,
  catalog: () => Promise<CostedCatalog>,
): AsyncIterable<StoredItem> {
  for await (const item of items) {
    yield attributeItem(item, await catalog());
  }
}

/** Attributes items as attributeItems does, and arrays of items as arrays. */
export async function* attributeBatches(
  items: AsyncIterable<CostSourceItem | CostSourceItem[]>,
  catalog: () => Promise<CostedCatalog>,
): AsyncIterable<StoredItem | StoredItem[]> {
  for await (const item of items) {
    const entities = await catalog();
    yield Array.isArray(item)
      ? item.map(one => attributeItem(one, entities))
      : attributeItem(item, entities);
  }
}

function attributeItem(
  item: CostSourceItem,
  catalog: CostedCatalog,
): StoredItem {
  if (item.type !== 'cost') {
    return item;
  }
  const record = attributeRecord(item.record, catalog);
  return record === item.record ? item : { type: 'cost', record };
}

/**
 * A record as attributed against the catalog's entities; see attributeItems. A record
 * that attribution leaves as it is (naming an entity as the catalog writes it, with
 * the entity's cost center and team or its own, or naming none that a claim
 * attributes) is answered as the same object.
 */
export function attributeRecord(
  record: CostRecord,
  catalog: CostedCatalog,
): CostRecord {
  if (!record.entityRef) {
    return attributeClaimedRecord(record, catalog);
  }
  const found = catalog.find(record.entityRef);
  if (!found) {
    return {
      ...record,
      entityRef: undefined,
      tags: { ...record.tags, [UNKNOWN_ENTITY_TAG]: record.entityRef! },
    };
  }
  const costCenter = record.costCenter ?? found.costCenter;
  const team = record.team ?? found.team;
  if (
    record.entityRef === found.entityRef &&
    record.costCenter === costCenter &&
    record.team === team
  ) {
    // Sources mostly write refs as the catalog does: no copy of every record then.
    return record;
  }
  return { ...record, entityRef: found.entityRef, costCenter, team };
}

/** A record naming no entity, given to the one entity that claims its vendor id. */
function attributeClaimedRecord(
  record: CostRecord,
  catalog: CostedCatalog,
): CostRecord {
  const claimant = catalog.vendorClaims.claimant(record.tags);
  return claimant
    ? attributeRecord({ ...record, entityRef: claimant }, catalog)
    : record;
}

/**
 * A stored record kept as unallocated, attributed as if it had been ingested now: to
 * the entity it named if the catalog has it now, or if it named none, to the one entity
 * that claims its vendor id now. Any other record as it is.
 */
export function reattributeStoredRecord(
  record: CostRecord,
  catalog: CostedCatalog,
): CostRecord {
  const named = record.tags?.[UNKNOWN_ENTITY_TAG];
  if (record.entityRef) {
    return record;
  }
  if (!named) {
    return attributeClaimedRecord(record, catalog);
  }
  if (!catalog.find(named)) {
    return record;
  }
  const { [UNKNOWN_ENTITY_TAG]: _named, ...tags } = record.tags!;
  return attributeRecord(
    {
      ...record,
      entityRef: named,
      tags: Object.keys(tags).length ? tags : undefined,
    },
    catalog,
  );
}
