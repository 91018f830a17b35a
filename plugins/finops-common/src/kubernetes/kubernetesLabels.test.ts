import { Entity } from '@backstage/catalog-model';
import { kubernetesLabelPlan } from './kubernetesLabels';

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ticket-triage', annotations },
    spec: { owner: 'group:customer-experience' },
  };
}

describe('kubernetesLabelPlan', () => {
  it('derives valid labels, snippets and OpenCost aggregations', () => {
    const plan = kubernetesLabelPlan(
      entity({
        'tollgate.dev/cost-center': 'cc-cx-2200',
        'tollgate.dev/environment-tier': 'production',
        'backstage.io/kubernetes-id': 'ticket-triage',
      }),
      'component:default/ticket-triage',
    );
    expect(plan.labels).toEqual({
      'tollgate.dev/cost-center': 'cc-cx-2200',
      'tollgate.dev/team': 'customer-experience',
      'tollgate.dev/environment-tier': 'production',
      'backstage.io/kubernetes-id': 'ticket-triage',
    });
    for (const [key, value] of Object.entries(plan.labels)) {
      expect(key).toMatch(KEY);
      expect(value).toMatch(VALUE);
    }
    expect(plan.missing).toEqual([
      {
        label: 'tollgate.dev/project',
        reason: 'no project: set the tollgate.dev/project annotation',
      },
    ]);
    expect(plan.kustomize).toContain(
      '      tollgate.dev/cost-center: "cc-cx-2200"',
    );
    expect(plan.helm).toContain(
      '  backstage.io/kubernetes-id: "ticket-triage"',
    );
    expect(plan.openCost[0]).toEqual({
      label: 'tollgate.dev/cost-center',
      aggregate: 'label:tollgate.dev/cost-center',
      reportedAs: 'tollgate_dev_cost_center',
    });
  });

  it('reports malformed annotations instead of emitting bad labels', () => {
    const plan = kubernetesLabelPlan(
      entity({ 'tollgate.dev/cost-center': 'Bad Value!' }),
      'component:default/x',
    );
    expect(plan.labels['tollgate.dev/cost-center']).toBeUndefined();
    expect(plan.missing[0].reason).toContain('"Bad Value!"');
    expect(plan.labels['backstage.io/kubernetes-id']).toBe('ticket-triage');
  });
});
