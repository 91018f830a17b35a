import { aggregatedValue, workloadName } from './workloads';

const deployment = {
  name: 'prod/support/deployment:summarizer',
  cluster: 'prod',
  namespace: 'support',
  controller: 'summarizer',
  controllerKind: 'deployment',
  labels: { backstage_io_kubernetes_id: 'summarizer', app: 'web' },
};

describe('workloadName', () => {
  it('names a workload by namespace and controller, else pod', () => {
    expect(workloadName(deployment)).toBe('support/deployment:summarizer');
    expect(workloadName({ ...deployment, controllerKind: undefined })).toBe(
      'support/summarizer',
    );
    expect(
      workloadName({
        name: 'prod/jobs/__unallocated__',
        namespace: 'jobs',
        pod: 'debug-shell',
        labels: {},
      }),
    ).toBe('jobs/pod:debug-shell');
    expect(
      workloadName({
        name: 'prod/jobs/__unallocated__',
        namespace: 'jobs',
        labels: {},
      }),
    ).toBe('jobs/(no controller)');
  });

  it('answers undefined for what is no workload', () => {
    for (const allocation of [
      { name: '__idle__', labels: {} },
      { name: 'prod/__idle__', namespace: 'kube-system', labels: {} },
      { name: '__unmounted__', namespace: '__unmounted__', labels: {} },
      { name: '__unallocated__', labels: {} },
    ]) {
      expect(workloadName(allocation)).toBeUndefined();
    }
  });
});

describe('aggregatedValue', () => {
  it.each([
    ['label:backstage.io/kubernetes-id', 'summarizer'],
    ['label:app', 'web'],
    ['label:missing', undefined],
    ['namespace', 'support'],
    ['cluster', 'prod'],
    ['controller', 'deployment:summarizer'],
    ['controllerKind', 'deployment'],
    ['deployment', 'summarizer'],
    ['statefulset', undefined],
    ['pod', undefined],
    ['annotation:owner', undefined],
  ])('reads %s', (aggregate, value) => {
    expect(aggregatedValue(deployment, aggregate)).toBe(value);
  });
});
