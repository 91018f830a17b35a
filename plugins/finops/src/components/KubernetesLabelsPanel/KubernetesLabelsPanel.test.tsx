import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  KubernetesLabelDrift,
  KubernetesLabelsResponse,
} from '@tollgate/plugin-finops-common';
import { FinopsApi, finopsApiRef } from '../../api';
import { KubernetesLabelsPanel } from './KubernetesLabelsPanel';

const window = { from: '2026-11-22', to: '2026-11-28' };

function labels(drift: KubernetesLabelDrift): KubernetesLabelsResponse {
  return {
    entityRef: 'component:default/support-summarizer',
    labels: {
      'tollgate.dev/team': 'customer-experience',
      'tollgate.dev/project': 'support-ai',
    },
    missing: [],
    kustomize:
      'labels:\n  - pairs:\n      tollgate.dev/team: "customer-experience"',
    helm: 'podLabels:\n  tollgate.dev/team: "customer-experience"',
    openCost: [
      {
        label: 'tollgate.dev/team',
        aggregate: 'label:tollgate.dev/team',
        reportedAs: 'tollgate_dev_team',
      },
    ],
    drift,
  };
}

async function render(drift: KubernetesLabelDrift) {
  const api: Partial<FinopsApi> = { getLabels: async () => labels(drift) };
  await renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <KubernetesLabelsPanel
        entity={{
          kind: 'Component',
          namespace: 'default',
          name: 'support-summarizer',
        }}
      />
    </TestApiProvider>,
  );
  return screen.findByTestId('finops-label-drift');
}

describe('KubernetesLabelsPanel', () => {
  it('shows each drifted label per workload: expected and seen', async () => {
    const drift = await render({
      window,
      status: 'drifted',
      workloads: [
        {
          workload: 'support/deployment:support-summarizer',
          cluster: 'demo-cluster',
          lastSeen: '2026-11-28',
        },
      ],
      items: [
        {
          workload: 'support/deployment:support-summarizer',
          cluster: 'demo-cluster',
          label: 'tollgate.dev/project',
          reportedAs: 'tollgate_dev_project',
          expected: 'support-ai',
          problem: 'missing',
        },
        {
          workload: 'support/deployment:support-summarizer',
          cluster: 'demo-cluster',
          label: 'tollgate.dev/team',
          reportedAs: 'tollgate_dev_team',
          expected: 'customer-experience',
          seen: 'support',
          problem: 'different',
        },
      ],
    });
    expect(drift).toHaveAttribute('data-status', 'drifted');
    expect(drift).toHaveTextContent(
      '2 labels missing or different on the 1 workload OpenCost saw from 2026-11-22 to 2026-11-28',
    );
    const rows = within(drift).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'WorkloadLabelExpectedSeen',
      'demo-cluster: support/deployment:support-summarizertollgate.dev/projectsupport-aimissing',
      'demo-cluster: support/deployment:support-summarizertollgate.dev/teamcustomer-experiencesupport',
    ]);
    expect(
      screen.getByText(/aggregate=label:tollgate.dev\/team/),
    ).toBeInTheDocument();
  });

  it('says when the seen workloads are in sync', async () => {
    const drift = await render({
      window,
      status: 'in-sync',
      workloads: [
        { workload: 'support/deployment:a', lastSeen: '2026-11-28' },
        { workload: 'support/deployment:b', lastSeen: '2026-11-27' },
      ],
      items: [],
    });
    expect(drift).toHaveTextContent(
      'In sync: the 2 workloads OpenCost saw from 2026-11-22 to 2026-11-28 (support/deployment:a, support/deployment:b) carry every label above.',
    );
    expect(within(drift).queryByRole('table')).toBeNull();
  });

  it('says drift is unknown, not in sync, when OpenCost saw nothing', async () => {
    const drift = await render({
      window,
      status: 'unknown',
      workloads: [],
      items: [],
    });
    expect(drift).toHaveTextContent(
      'No OpenCost data seen for this entity from 2026-11-22 to 2026-11-28, so drift is unknown.',
    );
    expect(within(drift).queryByRole('table')).toBeNull();
  });
});
