import { requestEntity } from './requestEntity';

describe('requestEntity', () => {
  it('reads the entity a request names in its spend logs metadata', () => {
    expect(
      requestEntity({ 'backstage-entity': 'Component:default/Illustrator' }, [
        'backstage-entity:summarizer',
      ]),
    ).toEqual({ entityRef: 'component:default/illustrator' });
  });

  it('else in a request tag, as a component of the default namespace', () => {
    expect(
      requestEntity({ other: 'x' }, [
        'env:prod',
        'backstage-entity: summarizer ',
      ]),
    ).toEqual({ entityRef: 'component:default/summarizer' });
    expect(
      requestEntity(undefined, [
        'backstage-entity:resource:ml/embeddings-index',
      ]),
    ).toEqual({ entityRef: 'resource:ml/embeddings-index' });
  });

  it('keeps text that is not an entity ref', () => {
    expect(
      requestEntity(undefined, ['backstage-entity:component:default/']),
    ).toEqual({ invalid: 'component:default/' });
    expect(requestEntity({ 'backstage-entity': 'a:b:c/d/e' }, [])).toEqual({
      invalid: 'a:b:c/d/e',
    });
  });

  it('answers undefined when the request names no entity', () => {
    expect(requestEntity(undefined, [])).toBeUndefined();
    expect(
      requestEntity({ 'backstage-entity': '  ' }, ['env:prod']),
    ).toBeUndefined();
    expect(
      requestEntity({ 'backstage-entity': 7 }, ['backstage-entity:']),
    ).toBeUndefined();
  });
});
