import { Entity } from '@backstage/catalog-model';
import { entityRefKey, normalizeEntityRef } from './entityRefKey';

describe('entityRefKey', () => {
  it('lower-cases a ref written in full', () => {
    expect(entityRefKey('Component:Default/Summarizer')).toBe(
      'component:default/summarizer',
    );
  });

  it('keys an entity by its full ref, lower-cased', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'Support-Suite', namespace: 'Platform' },
    };
    expect(entityRefKey(entity)).toBe('system:platform/support-suite');
  });

  it('keys an entity with no namespace in the default one', () => {
    expect(
      entityRefKey({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'ML' },
      }),
    ).toBe('group:default/ml');
  });

  it('keys a compound ref as the entity it names', () => {
    expect(
      entityRefKey({ kind: 'API', namespace: 'default', name: 'Translate' }),
    ).toBe('api:default/translate');
  });
});

describe('normalizeEntityRef', () => {
  it.each([
    ['Component:default/Summarizer', 'component:default/summarizer'],
    ['component:Summarizer', 'component:default/summarizer'],
    ['Summarizer', 'component:default/summarizer'],
    ['default/summarizer', 'component:default/summarizer'],
    ['Resource:Infra/GPU-Pool', 'resource:infra/gpu-pool'],
  ])('reads %s as %s', (written, key) => {
    expect(normalizeEntityRef(written)).toBe(key);
  });

  it('answers undefined for text that is no ref', () => {
    expect(normalizeEntityRef('')).toBeUndefined();
    expect(normalizeEntityRef(':summarizer')).toBeUndefined();
    expect(normalizeEntityRef('component:')).toBeUndefined();
  });

  it('gives a ref and its key the same key', () => {
    const key = normalizeEntityRef('Component:Default/Summarizer')!;
    expect(normalizeEntityRef(key)).toBe(key);
    expect(entityRefKey(key)).toBe(key);
  });
});
