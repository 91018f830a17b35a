import { Entity } from '@backstage/catalog-model';
import { COSTED_ENTITY_KINDS } from '@tollgate/plugin-finops-common';
import { toCostedEntity, uncataloguedEntity } from './CostedEntity';

function entity(fields: {
  kind: string;
  name: string;
  annotations?: Record<string, string>;
  owner?: string;
  relations?: Entity['relations'];
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: fields.kind,
    metadata: {
      name: fields.name,
      namespace: 'default',
      annotations: fields.annotations ?? {},
    },
    spec: fields.owner ? { owner: fields.owner } : {},
    relations: fields.relations,
  };
}

describe('toCostedEntity', () => {
  it('reads what costing needs of a component', () => {
    expect(
      toCostedEntity(
        entity({
          kind: 'Component',
          name: 'Summarizer',
          owner: 'group:default/ml',
          annotations: {
            'tollgate.dev/cost-center': 'cc-4100',
            'tollgate.dev/spend-rate-limit': '5 USD/hour',
            'tollgate.dev/budget-enforcement': 'hard',
          },
          relations: [{ type: 'ownedBy', targetRef: 'group:default/ml' }],
        }),
      ),
    ).toEqual({
      entityRef: 'component:default/summarizer',
      ownScope: { entityRef: 'component:default/summarizer' },
      team: 'ml',
      costCenter: 'cc-4100',
      owner: 'group:default/ml',
      spendRefs: ['component:default/summarizer'],
      spendRateLimit: expect.objectContaining({
        currency: 'USD',
        per: 'hour',
        enforcement: 'hard',
      }),
    });
  });

  it('budgets a Group as its team and every other costed kind by ref', () => {
    for (const kind of COSTED_ENTITY_KINDS) {
      const costed = toCostedEntity(entity({ kind, name: 'Care' }));
      expect(costed.entityRef).toBe(
        `${kind.toLocaleLowerCase('en-US')}:default/care`,
      );
      expect(costed.ownScope).toEqual(
        kind === 'Group' ? { team: 'Care' } : { entityRef: costed.entityRef },
      );
    }
  });

  it("rolls a System's spend up from its parts", () => {
    expect(
      toCostedEntity(
        entity({
          kind: 'System',
          name: 'support-suite',
          relations: [
            { type: 'hasPart', targetRef: 'Component:Default/Triage' },
          ],
        }),
      ).spendRefs,
    ).toEqual(['system:default/support-suite', 'component:default/triage']);
  });

  it('sends alerts to the team annotation when no group owns the entity', () => {
    const costed = toCostedEntity(
      entity({
        kind: 'Resource',
        name: 'gpu-pool',
        annotations: { 'tollgate.dev/team': 'infra' },
      }),
    );
    expect(costed.team).toBe('infra');
    expect(costed.owner).toBe('group:default/infra');
  });

  it('leaves out what the entity does not declare', () => {
    expect(toCostedEntity(entity({ kind: 'API', name: 'translate' }))).toEqual({
      entityRef: 'api:default/translate',
      ownScope: { entityRef: 'api:default/translate' },
      spendRefs: ['api:default/translate'],
    });
  });
});

describe('uncataloguedEntity', () => {
  it('is its own spend and budget, under its key', () => {
    expect(uncataloguedEntity('Component:Default/New-Agent')).toEqual({
      entityRef: 'component:default/new-agent',
      ownScope: { entityRef: 'component:default/new-agent' },
      spendRefs: ['component:default/new-agent'],
    });
  });
});
