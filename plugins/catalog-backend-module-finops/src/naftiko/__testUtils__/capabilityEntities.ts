import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { capabilityToEntities } from '../capabilityToEntities';
import { readCapabilitySpec } from '../readCapabilitySpec';

/** How the processor calls capabilityToEntities in the tests. */
export const OPTIONS = {
  fallbackName: 'capability-file',
  defaultOwner: 'group:default/platform',
  lifecycle: 'experimental',
};

/** The entities of a capability spec's text. */
export function entitiesOf(source: string, options = OPTIONS): Entity[] {
  return capabilityToEntities(readCapabilitySpec(source), options);
}

/** The message of the InputError a spec's text is refused with. */
export function errorOf(source: string): string {
  try {
    entitiesOf(source);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected capabilityToEntities to throw');
}

/** An entity's annotations, or none. */
export const annotations = (entity: Entity) =>
  entity.metadata.annotations ?? {};
