import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityAllocationMatcher } from './EntityAllocationMatcher';

const AGGREGATE = 'label:backstage.io/kubernetes-id';

function component(
  name: string,
  annotations: Record<string, string>,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace, annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

const entities = [
  component('summarizer', { 'backstage.io/kubernetes-id': 'summarizer' }),
  component('triage', {
    'backstage.io/kubernetes-label-selector':
      'app.kubernetes.io/name=triage,app.kubernetes.io/part-of=support',
  }),
  component('triage-any', {
    'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=triage',
  }),
  component('search', {
    'backstage.io/kubernetes-label-selector':
      'backstage.io/kubernetes-id=search',
  }),
  component('legacy', {
    'backstage.io/kubernetes-label-selector': 'app in (legacy)',
  }),
];

describe('EntityAllocationMatcher', () => {
  const matcher = EntityAllocationMatcher.fromEntities(entities, {
    aggregate: AGGREGATE,
  });

  it('matches an allocation named by an entity kubernetes-id', () => {
    expect(matcher.match({ name: 'summarizer', labels: {} })).toBe(
      'component:default/summarizer',
    );
  });

  it('reads names of older OpenCost releases, prefixed with the label name', () => {
    expect(
      matcher.match({
        name: 'backstage_io_kubernetes_id=summarizer',
        labels: {},
      }),
    ).toBe('component:default/summarizer');
  });

  it('matches label selectors against the sanitized labels OpenCost reports', () => {
    expect(
      matcher.match({
        name: 'triage-worker',
        labels: {
          app_kubernetes_io_name: 'triage',
          app_kubernetes_io_part_of: 'support',
        },
      }),
    ).toBe('component:default/triage');
    expect(
      matcher.match({
        name: 'triage-web',
        labels: { app_kubernetes_io_name: 'triage' },
      }),
    ).toBe('component:default/triage-any');
  });

  it('knows the aggregated label from the allocation name', () => {
    expect(matcher.match({ name: 'search', labels: {} })).toBe(
      'component:default/search',
    );
  });

  it('leaves unmatched and OpenCost-own allocations unallocated', () => {
    expect(matcher.match({ name: 'unknown', labels: {} })).toBeUndefined();
    expect(
      matcher.match({ name: 'legacy', labels: { app: 'legacy' } }),
    ).toBeUndefined();
    for (const name of [
      '__unallocated__',
      '__idle__',
      'prod/__idle__',
      '__unmounted__',
    ]) {
      expect(
        matcher.match({ name, labels: { app_kubernetes_io_name: 'triage' } }),
      ).toBeUndefined();
    }
  });

  it('attributes a shared kubernetes-id to one entity, the first ref, and warns', () => {
    const logger = mockServices.logger.mock();
    const shared = EntityAllocationMatcher.fromEntities(
      [
        component('b', { 'backstage.io/kubernetes-id': 'same' }),
        component('a', { 'backstage.io/kubernetes-id': 'same' }),
      ],
      { aggregate: AGGREGATE, logger },
    );
    expect(shared.match({ name: 'same', labels: {} })).toBe(
      'component:default/a',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('component:default/a, component:default/b'),
    );
  });

  it('matches by name whatever the aggregation', () => {
    const byNamespace = EntityAllocationMatcher.fromEntities(
      [component('ops', { 'backstage.io/kubernetes-id': 'opencost' })],
      { aggregate: 'namespace' },
    );
    expect(byNamespace.match({ name: 'opencost', labels: {} })).toBe(
      'component:default/ops',
    );
    expect(
      byNamespace.match({
        name: 'backstage_io_kubernetes_id=opencost',
        labels: {},
      }),
    ).toBeUndefined();
  });

  it('attributes a workload to the entity its cost goes to', () => {
    const workload = {
      name: 'prod/support/deployment:summarizer-api',
      namespace: 'support',
      controller: 'summarizer-api',
      controllerKind: 'deployment',
    };
    expect(
      matcher.matchWorkload({
        ...workload,
        labels: { backstage_io_kubernetes_id: 'summarizer' },
      }),
    ).toBe('component:default/summarizer');
    expect(
      matcher.matchWorkload({
        ...workload,
        labels: { backstage_io_kubernetes_id: 'search' },
      }),
    ).toBe('component:default/search');
    // without the aggregated label, OpenCost leaves its cost unallocated
    expect(
      matcher.matchWorkload({
        ...workload,
        labels: {
          app_kubernetes_io_name: 'triage',
          app_kubernetes_io_part_of: 'support',
        },
      }),
    ).toBeUndefined();

    const byNamespace = EntityAllocationMatcher.fromEntities(
      [component('ops', { 'backstage.io/kubernetes-id': 'opencost' })],
      { aggregate: 'namespace' },
    );
    expect(
      byNamespace.matchWorkload({
        ...workload,
        namespace: 'opencost',
        labels: {},
      }),
    ).toBe('component:default/ops');
  });
});
