import { workloadLabelsMetric } from '@tollgate/plugin-finops-node';
import { readLabelDrift } from './readLabelDrift';

describe('readLabelDrift', () => {
  const plan = {
    entityRef: 'component:default/summarizer',
    labels: { 'tollgate.dev/team': 'ml' },
  };

  it('reads the workload label metrics of the entity for the 7 days ending today', async () => {
    const usageMetrics = jest.fn(async () => [
      workloadLabelsMetric({
        day: '2026-11-27',
        entityRef: plan.entityRef,
        workload: 'ml/deployment:summarizer',
        labels: { tollgate_dev_team: 'search' },
      }),
      { ...plan, day: '2026-11-27', metric: 'other', value: 2 },
    ]);
    const drift = await readLabelDrift(
      { usageMetrics },
      plan,
      new Date('2026-11-28T23:59:00Z'),
    );
    expect(usageMetrics).toHaveBeenCalledWith({
      entityRefs: ['component:default/summarizer'],
      window: { from: '2026-11-22', to: '2026-11-28' },
      metrics: ['kubernetes.workload.labels'],
    });
    expect(drift).toMatchObject({
      window: { from: '2026-11-22', to: '2026-11-28' },
      status: 'drifted',
      items: [
        {
          workload: 'ml/deployment:summarizer',
          label: 'tollgate.dev/team',
          expected: 'ml',
          seen: 'search',
          problem: 'different',
        },
      ],
    });
  });

  it('is unknown when nothing was seen', async () => {
    const drift = await readLabelDrift(
      { usageMetrics: async () => [] },
      plan,
      new Date('2026-11-28T00:00:00Z'),
    );
    expect(drift.status).toBe('unknown');
  });
});
