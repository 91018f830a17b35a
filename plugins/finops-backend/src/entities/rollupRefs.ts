import { Entity, RELATION_HAS_PART } from '@backstage/catalog-model';
import { entityRefKey } from './entityRefKey';

/**
 * The refs whose spend rolls up into an entity's: its own, then those of its parts
 * (`hasPart`: a System's components, a Domain's systems), each as its key.
 */
export function rollupRefs(entity: Entity): string[] {
  const refs = [entityRefKey(entity)];
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_HAS_PART) {
      refs.push(entityRefKey(relation.targetRef));
    }
  }
  return refs;
}
