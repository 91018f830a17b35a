import { Entity } from '@backstage/catalog-model';

const COSTED_KINDS = ['component', 'system', 'resource', 'api', 'group'];

/**
 * Whether an entity can carry spend: Components (capabilities and services),
 * Systems, Resources, APIs and Groups.
 *
 * @public
 */
export function isFinopsAvailable(entity: Entity): boolean {
  return COSTED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
