import { Entity } from '@backstage/catalog-model';
import { COSTED_ENTITY_KINDS } from '@tollgate/plugin-finops-common';
import { isFinopsAvailable } from './isFinopsAvailable';

function entity(kind: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'summarizer', namespace: 'default' },
  };
}

describe('isFinopsAvailable', () => {
  it.each(COSTED_ENTITY_KINDS)('is true for a %s, in any case', kind => {
    expect(isFinopsAvailable(entity(kind))).toBe(true);
    expect(isFinopsAvailable(entity(kind.toLocaleLowerCase('en-US')))).toBe(
      true,
    );
  });

  it.each(['User', 'Location', 'Template'])('is false for a %s', kind => {
    expect(isFinopsAvailable(entity(kind))).toBe(false);
  });
});
