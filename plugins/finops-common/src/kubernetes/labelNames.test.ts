import { openCostLabelName, sanitizePrometheusLabelName } from './labelNames';

describe('openCostLabelName', () => {
  it('writes label names the way OpenCost reports them', () => {
    expect(openCostLabelName('backstage.io/kubernetes-id')).toBe(
      'backstage_io_kubernetes_id',
    );
    expect(openCostLabelName('tollgate.dev/cost-center')).toBe(
      'tollgate_dev_cost_center',
    );
    expect(openCostLabelName('app')).toBe('app');
    expect(openCostLabelName('App_Name')).toBe('App_Name');
  });

  it('keeps a leading digit, as OpenCost does behind its label_ prefix', () => {
    expect(openCostLabelName('9lives')).toBe('9lives');
    expect(openCostLabelName('3scale.net/tier')).toBe('3scale_net_tier');
  });
});

describe('sanitizePrometheusLabelName', () => {
  it('sanitizes label names as Prometheus does', () => {
    expect(sanitizePrometheusLabelName('app.kubernetes.io/name')).toBe(
      'app_kubernetes_io_name',
    );
    expect(sanitizePrometheusLabelName('9lives')).toBe('_9lives');
  });
});
