import { Entity } from '@backstage/catalog-model';
import { matchesScorecard } from './matchesScorecard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'summarizer', tags: ['genai', 'tier-1'] },
  spec: { type: 'capability', owner: 'ml' },
};

describe('matchesScorecard', () => {
  it('matches kinds, types, tags and owners without regard to case', () => {
    expect(matchesScorecard({}, entity)).toBe(true);
    expect(
      matchesScorecard(
        {
          kinds: ['component'],
          types: ['Capability'],
          tags: ['other', 'GENAI'],
          owners: ['group:default/ml'],
        },
        entity,
      ),
    ).toBe(true);
  });

  it('rejects an entity that one filter does not match', () => {
    expect(matchesScorecard({ kinds: ['API'] }, entity)).toBe(false);
    expect(matchesScorecard({ types: ['service'] }, entity)).toBe(false);
    expect(matchesScorecard({ tags: ['batch'] }, entity)).toBe(false);
    expect(matchesScorecard({ owners: ['search'] }, entity)).toBe(false);
  });
});
