import { Entity } from '@backstage/catalog-model';
import { openCostAggregationLabelFor } from './openCostAggregationLabelFor';

function entity(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer', annotations },
  };
}

describe('openCostAggregationLabelFor', () => {
  it('answers the kubernetes-id under the default aggregation', () => {
    expect(
      openCostAggregationLabelFor(
        entity({ 'backstage.io/kubernetes-id': 'summarizer' }),
      ),
    ).toEqual({
      key: 'backstage.io/kubernetes-id',
      sanitizedKey: 'backstage_io_kubernetes_id',
      value: 'summarizer',
    });
  });

  it('prefers the value the label selector requires for the aggregated key', () => {
    expect(
      openCostAggregationLabelFor(
        entity({
          'backstage.io/kubernetes-id': 'summarizer',
          'backstage.io/kubernetes-label-selector':
            'app.kubernetes.io/name=summarizer-api,tier=backend',
        }),
        'label:app.kubernetes.io/name',
      ),
    ).toEqual({
      key: 'app.kubernetes.io/name',
      sanitizedKey: 'app_kubernetes_io_name',
      value: 'summarizer-api',
    });
  });

  it('falls back to the kubernetes-id for another label key', () => {
    expect(
      openCostAggregationLabelFor(
        entity({
          'backstage.io/kubernetes-id': 'summarizer',
          'backstage.io/kubernetes-label-selector': 'tier=backend',
        }),
        'label:app',
      ),
    ).toEqual({ key: 'app', sanitizedKey: 'app', value: 'summarizer' });
  });

  it('answers undefined without a value or a label aggregation', () => {
    expect(openCostAggregationLabelFor(entity())).toBeUndefined();
    expect(
      openCostAggregationLabelFor(
        entity({ 'backstage.io/kubernetes-id': 'summarizer' }),
        'namespace',
      ),
    ).toBeUndefined();
  });
});
