import {
  WORKLOAD_LABELS_METRIC,
  readWorkloadLabelsMetric,
  workloadLabelsMetric,
} from './workloadLabels';

describe('workload labels metric', () => {
  it('keeps the workload, cluster and labels apart, whatever the labels are called', () => {
    const observed = {
      day: '2026-11-28',
      entityRef: 'component:default/summarizer',
      workload: 'support/deployment:summarizer',
      cluster: 'prod-eu',
      labels: {
        tollgate_dev_team: 'support',
        workload: 'a label named workload',
        cluster: 'a label named cluster',
      },
    };
    const metric = workloadLabelsMetric(observed);
    expect(metric).toMatchObject({
      day: '2026-11-28',
      entityRef: 'component:default/summarizer',
      metric: WORKLOAD_LABELS_METRIC,
      value: 1,
    });
    expect(readWorkloadLabelsMetric(metric)).toEqual(observed);
  });

  it('reads a workload without cluster or labels', () => {
    const metric = workloadLabelsMetric({
      day: '2026-11-28',
      entityRef: 'component:default/a',
      workload: 'default/pod:a',
      labels: {},
    });
    expect(metric.labels).toEqual({ workload: 'default/pod:a' });
    expect(readWorkloadLabelsMetric(metric)).toEqual({
      day: '2026-11-28',
      entityRef: 'component:default/a',
      workload: 'default/pod:a',
      labels: {},
    });
  });

  it('ignores other metrics and metrics without a workload', () => {
    const base = { day: '2026-11-28', entityRef: 'component:default/a' };
    expect(
      readWorkloadLabelsMetric({
        ...base,
        metric: 'http.requests',
        labels: { workload: 'x' },
        value: 3,
      }),
    ).toBeUndefined();
    expect(
      readWorkloadLabelsMetric({
        ...base,
        metric: WORKLOAD_LABELS_METRIC,
        value: 1,
      }),
    ).toBeUndefined();
  });
});
