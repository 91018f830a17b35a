import { Entity } from '@backstage/catalog-model';
import { CostedCatalog } from './CostedCatalog';

function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { owner: 'group:default/ml' },
  };
}

const entities = [
  entity('Component', 'Summarizer', {
    'tollgate.dev/openai-projects': 'proj_abc',
  }),
  entity('System', 'support-suite'),
  entity('Group', 'ml'),
];

describe('CostedCatalog', () => {
  it('finds an entity by its ref in any case and any completeness', () => {
    const catalog = new CostedCatalog(entities);
    for (const ref of [
      'component:default/summarizer',
      'Component:Default/Summarizer',
      'component:summarizer',
      'SUMMARIZER',
    ]) {
      expect(catalog.find(ref)?.entityRef).toBe('component:default/summarizer');
      expect(catalog.catalogEntity(ref)).toBe(entities[0]);
    }
  });

  it('finds no entity the read does not have, nor text that is no ref', () => {
    const catalog = new CostedCatalog(entities);
    expect(catalog.find('component:default/translator')).toBeUndefined();
    expect(catalog.find('user:default/ada')).toBeUndefined();
    expect(catalog.find('')).toBeUndefined();
  });

  it('holds the costed entities by key, in the order of the read', () => {
    const catalog = new CostedCatalog(entities);
    expect(catalog.entities.map(e => e.entityRef)).toEqual([
      'component:default/summarizer',
      'system:default/support-suite',
      'group:default/ml',
    ]);
    expect([...catalog.byRef.keys()]).toEqual(
      catalog.entities.map(e => e.entityRef),
    );
    expect(catalog.byRef.get('group:default/ml')?.ownScope).toEqual({
      team: 'ml',
    });
  });

  it('reads the vendor ids the entities claim', () => {
    expect(
      new CostedCatalog(entities).vendorClaims.claimant({
        'openai.project_id': 'proj_abc',
      }),
    ).toBe('component:default/summarizer');
  });

  it('builds one model per catalog read', () => {
    const catalog = CostedCatalog.of(entities);
    expect(CostedCatalog.of(entities)).toBe(catalog);
    expect(CostedCatalog.of([...entities])).not.toBe(catalog);
  });
});
