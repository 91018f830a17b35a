import { Entity } from '@backstage/catalog-model';
import { CostRecord } from '@tollgate/plugin-finops-common';
import { CostSourceItem } from '@tollgate/plugin-finops-node';
import { StoredItem } from '../costs/store/CostStore';
import { UNKNOWN_ENTITY_TAG } from '../costs/store/unknownEntityRecords';
import { CostedCatalog } from '../entities/CostedCatalog';
import {
  attributeItems,
  attributeRecord,
  reattributeStoredRecord,
} from './attributeItems';

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/ml' },
  };
}

const index = new CostedCatalog([
  entity('summarizer', {
    'tollgate.dev/openai-projects': 'proj_abc',
    'tollgate.dev/cost-center': 'cc-4100',
  }),
  entity('triage', { 'tollgate.dev/openai-projects': 'proj_shared' }),
  entity('insights', { 'tollgate.dev/openai-projects': 'proj_shared' }),
]);

function record(fields: Partial<CostRecord>): CostRecord {
  return {
    day: '2024-11-01',
    provider: 'openai',
    service: 'OpenAI API',
    dimensionKind: 'usage',
    dimension: 'costs',
    billedCostMicros: 1_000_000n,
    currency: 'USD',
    ...fields,
  };
}

describe('attributeRecord', () => {
  it('gives a record naming no entity to the entity claiming its project', () => {
    expect(
      attributeRecord(
        record({ tags: { 'openai.project_id': 'proj_abc' } }),
        index,
      ),
    ).toEqual(
      record({
        entityRef: 'component:default/summarizer',
        costCenter: 'cc-4100',
        team: 'ml',
        tags: { 'openai.project_id': 'proj_abc' },
      }),
    );
  });

  it('answers the same record where no single entity claims its ids', () => {
    for (const tags of [
      { 'openai.project_id': 'proj_shared' },
      { 'openai.project_id': 'proj_def' },
      undefined,
    ]) {
      const unclaimed = record({ tags });
      expect(attributeRecord(unclaimed, index)).toBe(unclaimed);
    }
  });

  it('keeps the entity a record names, whatever its project', () => {
    const named = record({
      entityRef: 'component:triage',
      tags: { 'openai.project_id': 'proj_abc' },
    });
    expect(attributeRecord(named, index).entityRef).toBe(
      'component:default/triage',
    );
    const unknown = record({
      entityRef: 'component:default/ghost',
      tags: { 'openai.project_id': 'proj_abc' },
    });
    expect(attributeRecord(unknown, index)).toMatchObject({
      entityRef: undefined,
      tags: { [UNKNOWN_ENTITY_TAG]: 'component:default/ghost' },
    });
  });
});

describe('attributeRecord of a named entity', () => {
  it('answers the same record where attribution leaves it as it is', () => {
    // The owner's group is the entity's team.
    const named = record({ entityRef: 'component:default/triage', team: 'ml' });
    expect(attributeRecord(named, index)).toBe(named);
    const ownCostCenter = record({
      entityRef: 'component:default/summarizer',
      costCenter: 'cc-9000',
      team: 'ml',
    });
    expect(attributeRecord(ownCostCenter, index)).toBe(ownCostCenter);
  });

  it("copies a record that gets the entity's cost center or its ref as the catalog writes it", () => {
    const named = record({ entityRef: 'component:default/summarizer' });
    expect(attributeRecord(named, index)).toEqual({
      ...named,
      costCenter: 'cc-4100',
      team: 'ml',
    });
    expect(named.costCenter).toBeUndefined();
    const short = record({ entityRef: 'component:triage', team: 'ml' });
    expect(attributeRecord(short, index)).toEqual({
      ...short,
      entityRef: 'component:default/triage',
    });
    expect(short.entityRef).toBe('component:triage');
  });
});

describe('reattributeStoredRecord', () => {
  it('gives a stored unallocated record to the entity now claiming its project', () => {
    const stored = record({ tags: { 'openai.project_id': 'proj_abc' } });
    expect(reattributeStoredRecord(stored, index)).toMatchObject({
      entityRef: 'component:default/summarizer',
      tags: { 'openai.project_id': 'proj_abc' },
    });
  });

  it('leaves a record that named an unknown entity waiting for it', () => {
    const stored = record({
      tags: {
        [UNKNOWN_ENTITY_TAG]: 'component:default/ghost',
        'openai.project_id': 'proj_abc',
      },
    });
    expect(reattributeStoredRecord(stored, index)).toBe(stored);
  });

  it('leaves attributed records as they are', () => {
    const stored = record({
      entityRef: 'component:default/triage',
      tags: { 'openai.project_id': 'proj_abc' },
    });
    expect(reattributeStoredRecord(stored, index)).toBe(stored);
  });
});

describe('attributeItems', () => {
  it('attributes records naming no entity, and passes metrics through', async () => {
    async function* items(): AsyncIterable<CostSourceItem> {
      yield {
        type: 'cost',
        record: record({ tags: { 'openai.project_id': 'proj_abc' } }),
      };
      yield { type: 'cost', record: record({}) };
      yield {
        type: 'metric',
        metric: {
          day: '2024-11-01',
          entityRef: 'component:default/triage',
          metric: 'requests',
          labels: {},
          value: 1,
        },
      };
    }
    const out: StoredItem[] = [];
    for await (const item of attributeItems(items(), async () => index)) {
      out.push(item);
    }
    expect(
      out.map(item =>
        item.type === 'cost' ? item.record.entityRef : item.metric.metric,
      ),
    ).toEqual(['component:default/summarizer', undefined, 'requests']);
  });
});
