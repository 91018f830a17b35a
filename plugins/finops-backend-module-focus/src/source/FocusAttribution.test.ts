import { Entity } from '@backstage/catalog-model';
import { FocusAttribution } from './FocusAttribution';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer', namespace: 'default' },
    spec: {},
  },
];

describe('FocusAttribution', () => {
  const keys = {
    entityTagKey: 'backstage-entity',
    costCenterTagKey: 'cost-center',
    teamTagKey: 'team',
  };

  it('attributes a known ref to the catalog entity, whatever its case', async () => {
    const attribution = await FocusAttribution.create(
      keys,
      async () => entities,
    );
    expect(
      attribution.attribute({
        'backstage-entity': 'Component:default/Summarizer',
        'cost-center': 'cc-1',
      }),
    ).toEqual({ entityRef: 'component:default/summarizer' });
    expect(
      attribution.attribute({ 'backstage-entity': 'component:summarizer' }),
    ).toEqual({
      entityRef: 'component:default/summarizer',
    });
    expect(attribution.unmatched).toEqual({ count: 0, examples: [] });
  });

  it('keeps unknown and invalid refs unallocated with their cost center and team', async () => {
    const attribution = await FocusAttribution.create(
      keys,
      async () => entities,
    );
    expect(
      attribution.attribute({
        'backstage-entity': 'component:default/ghost',
        'cost-center': 'cc-9',
        team: 'platform',
      }),
    ).toEqual({ costCenter: 'cc-9', team: 'platform' });
    expect(attribution.attribute({ 'backstage-entity': 'summarizer' })).toEqual(
      {},
    );
    expect(
      attribution.attribute({ 'backstage-entity': 'component:default/ghost' }),
    ).toEqual({});
    expect(attribution.unmatched).toEqual({
      count: 3,
      examples: ['component:default/ghost', 'summarizer'],
    });
  });

  it('attributes by cost center and team when there is no entity tag', async () => {
    const attribution = await FocusAttribution.create(
      keys,
      async () => entities,
    );
    expect(attribution.attribute({ 'cost-center': ' cc-2 ' })).toEqual({
      costCenter: 'cc-2',
    });
    expect(attribution.attribute(undefined)).toEqual({});
  });

  it('does not load the catalog without an entity tag key', async () => {
    const load = jest.fn(async () => entities);
    const attribution = await FocusAttribution.create(
      { teamTagKey: 'team' },
      load,
    );
    expect(load).not.toHaveBeenCalled();
    expect(
      attribution.attribute({
        'backstage-entity': 'component:default/summarizer',
        team: 't',
      }),
    ).toEqual({ team: 't' });
  });
});
