import { Entity } from '@backstage/catalog-model';
import { evaluateGovernance } from './evaluateGovernance';
import {
  findVendorClaimConflicts,
  vendorIdClaimants,
} from './vendorClaimConflicts';

function entity(
  name: string,
  annotations: Record<string, string>,
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations },
    spec: { type: 'service', owner: 'group:ml', lifecycle: 'production' },
  };
}

describe('vendor id annotations', () => {
  it('are Tollgate annotations, checked by the syntax rule', () => {
    expect(
      evaluateGovernance(
        entity('a', {
          'tollgate.dev/openai-projects': 'proj_abc,proj_def',
          'tollgate.dev/anthropic-workspaces': 'wrkspc_01',
          'tollgate.dev/litellm-teams': 'ml-platform',
          'tollgate.dev/api-keys': 'key_abc',
        }),
        [],
      ),
    ).toEqual([]);
  });

  it('report a malformed list naming the annotation and the value', () => {
    expect(
      evaluateGovernance(
        entity('a', {
          'tollgate.dev/openai-projects': 'proj_abc proj_def',
          'tollgate.dev/api-keys': 'key_abc,,key_def',
        }),
        [],
      ),
    ).toEqual([
      expect.objectContaining({
        annotation: 'tollgate.dev/api-keys',
        message: expect.stringContaining('"key_abc,,key_def"'),
      }),
      {
        ruleId: 'valid-label-values',
        level: 'enforced',
        entityRef: 'component:default/a',
        annotation: 'tollgate.dev/openai-projects',
        message:
          'tollgate.dev/openai-projects has invalid value "proj_abc proj_def": expected comma-separated ids without spaces, each listed once, such as "proj_abc,proj_def"',
        howToFix:
          'Correct the value under metadata.annotations, for example "tollgate.dev/openai-projects: proj_abc123,proj_def456", or remove the annotation.',
      },
    ]);
  });
});

describe('vendorIdClaimants', () => {
  it('lists the entities claiming each id, by annotation', () => {
    const claimants = vendorIdClaimants([
      entity('a', {
        'tollgate.dev/openai-projects': 'proj_abc',
        'tollgate.dev/api-keys': 'key_abc',
      }),
      entity('b', { 'tollgate.dev/openai-projects': 'proj_abc,proj_def' }),
      entity('platform', { 'tollgate.dev/api-keys': 'proj_def' }, 'System'),
      entity('c', { 'tollgate.dev/openai-projects': 'proj abc' }),
    ]);
    expect(
      Object.fromEntries(
        [...claimants].map(([annotation, byId]) => [
          annotation,
          Object.fromEntries(byId),
        ]),
      ),
    ).toEqual({
      'tollgate.dev/api-keys': {
        key_abc: ['component:default/a'],
        proj_def: ['system:default/platform'],
      },
      'tollgate.dev/openai-projects': {
        proj_abc: ['component:default/a', 'component:default/b'],
        proj_def: ['component:default/b'],
      },
    });
  });
});

describe('findVendorClaimConflicts', () => {
  it('reports an id two entities claim on each of them, naming both', () => {
    const findings = findVendorClaimConflicts([
      entity('a', { 'tollgate.dev/openai-projects': 'proj_abc,proj_xyz' }),
      entity('b', { 'tollgate.dev/openai-projects': 'proj_abc' }),
      entity('c', { 'tollgate.dev/api-keys': 'proj_xyz' }),
    ]);
    expect(findings).toEqual([
      {
        ruleId: 'unique-vendor-ids',
        level: 'advisory',
        entityRef: 'component:default/a',
        annotation: 'tollgate.dev/openai-projects',
        message:
          '"proj_abc" in tollgate.dev/openai-projects is claimed by component:default/a and component:default/b: its spend stays unallocated while more than one entity claims it',
        howToFix:
          'Keep "proj_abc" in tollgate.dev/openai-projects of the one entity whose spend it is, and remove it from the others (component:default/b).',
      },
      expect.objectContaining({
        entityRef: 'component:default/b',
        message: expect.stringContaining(
          'claimed by component:default/a and component:default/b',
        ),
        howToFix: expect.stringContaining('(component:default/a)'),
      }),
    ]);
  });

  it('names every claimant of an id three entities claim', () => {
    const findings = findVendorClaimConflicts(
      ['a', 'b', 'c'].map(name =>
        entity(name, { 'tollgate.dev/litellm-teams': 'ml-platform' }),
      ),
    );
    expect(findings).toHaveLength(3);
    expect(findings[2].message).toContain(
      'claimed by component:default/a, component:default/b and component:default/c',
    );
    expect(findings[2].howToFix).toContain(
      '(component:default/a and component:default/b)',
    );
  });

  it('reports nothing where each id has one claimant', () => {
    expect(
      findVendorClaimConflicts([
        entity('a', { 'tollgate.dev/api-keys': 'key_abc' }),
        entity('b', { 'tollgate.dev/api-keys': 'key_def' }),
      ]),
    ).toEqual([]);
  });
});
