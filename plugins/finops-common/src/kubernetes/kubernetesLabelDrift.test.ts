import { kubernetesLabelDrift } from './kubernetesLabelDrift';

const plan = {
  labels: {
    'tollgate.dev/cost-center': 'cc-cx-2200',
    'tollgate.dev/team': 'customer-experience',
    'backstage.io/kubernetes-id': 'summarizer',
  },
};
const window = { from: '2026-11-22', to: '2026-11-28' };

describe('kubernetesLabelDrift', () => {
  it('is unknown, not in sync, when no workload was seen', () => {
    expect(kubernetesLabelDrift(plan, [], window)).toEqual({
      window,
      status: 'unknown',
      workloads: [],
      items: [],
    });
  });

  it('is in sync when every seen workload carries every planned label, in any reported form', () => {
    const drift = kubernetesLabelDrift(
      plan,
      [
        {
          day: '2026-11-28',
          workload: 'support/deployment:summarizer',
          cluster: 'prod-eu',
          labels: {
            tollgate_dev_cost_center: 'cc-cx-2200',
            label_tollgate_dev_team: 'customer-experience',
            'backstage.io/kubernetes-id': 'summarizer',
            app: 'extra labels are not drift',
          },
        },
      ],
      window,
    );
    expect(drift).toEqual({
      window,
      status: 'in-sync',
      workloads: [
        {
          workload: 'support/deployment:summarizer',
          cluster: 'prod-eu',
          lastSeen: '2026-11-28',
        },
      ],
      items: [],
    });
  });

  it('names each missing or different label per workload, as of the last day seen', () => {
    const inSync = {
      tollgate_dev_cost_center: 'cc-cx-2200',
      tollgate_dev_team: 'customer-experience',
      backstage_io_kubernetes_id: 'summarizer',
    };
    const drift = kubernetesLabelDrift(
      plan,
      [
        // fixed since: only the last day counts
        {
          day: '2026-11-27',
          workload: 'support/deployment:summarizer',
          labels: { backstage_io_kubernetes_id: 'summarizer' },
        },
        {
          day: '2026-11-28',
          workload: 'support/deployment:summarizer',
          labels: inSync,
        },
        {
          day: '2026-11-26',
          workload: 'support/cronjob:summarizer-reindex',
          labels: { ...inSync, tollgate_dev_team: 'support' },
        },
        {
          day: '2026-11-25',
          workload: 'support/cronjob:summarizer-reindex',
          labels: inSync,
        },
        {
          day: '2026-11-28',
          workload: 'support/(no controller)',
          labels: { backstage_io_kubernetes_id: 'summarizer' },
        },
      ],
      window,
    );
    expect(drift.status).toBe('drifted');
    expect(drift.workloads).toEqual([
      { workload: 'support/(no controller)', lastSeen: '2026-11-28' },
      {
        workload: 'support/cronjob:summarizer-reindex',
        lastSeen: '2026-11-26',
      },
      { workload: 'support/deployment:summarizer', lastSeen: '2026-11-28' },
    ]);
    expect(drift.items).toEqual([
      {
        workload: 'support/(no controller)',
        label: 'tollgate.dev/cost-center',
        reportedAs: 'tollgate_dev_cost_center',
        expected: 'cc-cx-2200',
        problem: 'missing',
      },
      {
        workload: 'support/(no controller)',
        label: 'tollgate.dev/team',
        reportedAs: 'tollgate_dev_team',
        expected: 'customer-experience',
        problem: 'missing',
      },
      {
        workload: 'support/cronjob:summarizer-reindex',
        label: 'tollgate.dev/team',
        reportedAs: 'tollgate_dev_team',
        expected: 'customer-experience',
        seen: 'support',
        problem: 'different',
      },
    ]);
  });

  it('keeps workloads of the same name in different clusters apart', () => {
    const drift = kubernetesLabelDrift(
      { labels: { 'tollgate.dev/team': 'ml' } },
      [
        {
          day: '2026-11-28',
          workload: 'ml/deployment:api',
          cluster: 'b',
          labels: { tollgate_dev_team: 'ml' },
        },
        {
          day: '2026-11-28',
          workload: 'ml/deployment:api',
          cluster: 'a',
          labels: {},
        },
      ],
      window,
    );
    expect(drift.workloads.map(w => w.cluster)).toEqual(['a', 'b']);
    expect(drift.items).toEqual([
      expect.objectContaining({ cluster: 'a', problem: 'missing' }),
    ]);
  });

  it('names a label with a leading digit as OpenCost reports it', () => {
    const drift = kubernetesLabelDrift(
      { labels: { '9lives.example.com/tier': 'gold' } },
      [
        {
          day: '2026-11-28',
          workload: 'ml/deployment:api',
          labels: { '9lives_example_com_tier': 'silver' },
        },
      ],
      window,
    );
    expect(drift.items).toEqual([
      expect.objectContaining({
        reportedAs: '9lives_example_com_tier',
        seen: 'silver',
        problem: 'different',
      }),
    ]);
  });
});
