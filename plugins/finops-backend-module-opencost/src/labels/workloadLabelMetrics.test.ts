import { Entity } from '@backstage/catalog-model';
import { readWorkloadLabelsMetric } from '@tollgate/plugin-finops-node';
import { EntityAllocationMatcher } from '../matching/EntityAllocationMatcher';
import { workloadLabelMetrics } from './workloadLabelMetrics';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'summarizer',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'summarizer' },
  },
};
const matcher = EntityAllocationMatcher.fromEntities([entity], {
  aggregate: 'label:backstage.io/kubernetes-id',
});
const labels = { backstage_io_kubernetes_id: 'summarizer' };
const values = { totalCost: 1 };

describe('workloadLabelMetrics', () => {
  it('answers one metric per entity and workload, none for unallocated or idle', () => {
    const metrics = workloadLabelMetrics(
      [
        {
          name: 'a/support/deployment:summarizer',
          cluster: 'a',
          namespace: 'support',
          controller: 'summarizer',
          controllerKind: 'deployment',
          labels: { ...labels, tollgate_dev_team: 'ml' },
          values,
        },
        {
          name: 'a/support/__unallocated__',
          cluster: 'a',
          namespace: 'support',
          labels,
          values,
        },
        {
          name: 'a/support/deployment:other',
          cluster: 'a',
          namespace: 'support',
          controller: 'other',
          controllerKind: 'deployment',
          labels: { backstage_io_kubernetes_id: 'other' },
          values,
        },
        { name: 'a/__idle__', cluster: 'a', labels, values },
      ],
      { day: '2026-11-28', matcher },
    );
    expect(metrics.map(readWorkloadLabelsMetric)).toEqual([
      {
        day: '2026-11-28',
        entityRef: 'component:default/summarizer',
        workload: 'support/deployment:summarizer',
        cluster: 'a',
        labels: { ...labels, tollgate_dev_team: 'ml' },
      },
      {
        day: '2026-11-28',
        entityRef: 'component:default/summarizer',
        workload: 'support/(no controller)',
        cluster: 'a',
        labels,
      },
    ]);
  });

  it('records the configured cluster name instead of the reported one', () => {
    const [metric] = workloadLabelMetrics(
      [
        {
          name: 'x/support/deployment:summarizer',
          cluster: 'x',
          namespace: 'support',
          controller: 'summarizer',
          labels,
          values,
        },
      ],
      { day: '2026-11-28', matcher, cluster: 'prod-eu' },
    );
    expect(readWorkloadLabelsMetric(metric)).toMatchObject({
      cluster: 'prod-eu',
      workload: 'support/summarizer',
    });
  });
});
