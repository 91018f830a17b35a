import { CostSourceItem } from '@tollgate/plugin-finops-node';
import { StoredItem } from '../database/CostStore';
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
    const record = item.record;
    const found = (await index()).get(record.entityRef!);
    if (!found) {
      yield {
        type: 'cost',
        record: {
          ...record,
          entityRef: undefined,
          tags: {
            ...record.tags,
            'tollgate.unknownEntityRef': record.entityRef!,
          },
        },
      };
      continue;
    }
    yield {
      type: 'cost',
      record: {
        ...record,
        entityRef: found.ref,
        costCenter: record.costCenter ?? found.costCenter,
        team: record.team ?? found.team,
      },
    };
  }
}
