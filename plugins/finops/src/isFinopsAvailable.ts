import { Entity } from '@backstage/catalog-model';
import { COSTED_ENTITY_KINDS, isKindOf } from '@tollgate/plugin-finops-common';

/**
 * Whether an entity can carry spend: Components (capabilities and services),
 * Systems, Resources, APIs, Groups and Domains.
 *
 * @public
 */
export function isFinopsAvailable(entity: Entity): boolean {
  return isKindOf(COSTED_ENTITY_KINDS, entity.kind);
}
