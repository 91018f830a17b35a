import { Entity } from '@backstage/catalog-model';
import { rollupRefs } from './rollupRefs';

function entity(
  kind: string,
  name: string,
  relations: Entity['relations'] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    relations,
  };
}

describe('rollupRefs', () => {
  it('rolls a System up from its own ref and its components', () => {
    expect(
      rollupRefs(
        entity('System', 'support-suite', [
          { type: 'hasPart', targetRef: 'component:default/summarizer' },
          { type: 'hasPart', targetRef: 'component:default/triage' },
          { type: 'ownedBy', targetRef: 'group:default/ml' },
          { type: 'providesApi', targetRef: 'api:default/support' },
        ]),
      ),
    ).toEqual([
      'system:default/support-suite',
      'component:default/summarizer',
      'component:default/triage',
    ]);
  });

  it('rolls a Domain up from its systems', () => {
    expect(
      rollupRefs(
        entity('Domain', 'customer-care', [
          { type: 'hasPart', targetRef: 'system:default/support-suite' },
        ]),
      ),
    ).toEqual(['domain:default/customer-care', 'system:default/support-suite']);
  });

  it('rolls a Group up from its own ref alone: its team is budgeted by name', () => {
    expect(
      rollupRefs(
        entity('Group', 'ml', [
          { type: 'hasMember', targetRef: 'user:default/ada' },
          { type: 'ownerOf', targetRef: 'component:default/summarizer' },
        ]),
      ),
    ).toEqual(['group:default/ml']);
  });

  it('keys every ref, whatever case the entity and its relations are in', () => {
    expect(
      rollupRefs(
        entity('System', 'Support-Suite', [
          { type: 'hasPart', targetRef: 'Component:Default/Summarizer' },
        ]),
      ),
    ).toEqual(['system:default/support-suite', 'component:default/summarizer']);
  });

  it('rolls an entity without relations up from itself', () => {
    const { relations: _none, ...bare } = entity('Component', 'summarizer');
    expect(rollupRefs(bare)).toEqual(['component:default/summarizer']);
  });
});
