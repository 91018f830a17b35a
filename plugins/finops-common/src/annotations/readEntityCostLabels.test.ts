import { Entity } from '@backstage/catalog-model';
import { readEntityCostLabels } from './readEntityCostLabels';

function component(
  annotations: Record<string, string>,
  owner: string | number = 'group:default/ai-platform',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer', annotations },
    spec: { type: 'service', owner, lifecycle: 'production' },
  };
}

describe('readEntityCostLabels', () => {
  it('reads every annotation', () => {
    const labels = readEntityCostLabels(
      component({
        'tollgate.dev/cost-center': 'cc-4100',
        'tollgate.dev/team': 'ml-apps',
        'tollgate.dev/project': 'support-ai',
        'tollgate.dev/environment-tier': 'production',
        'tollgate.dev/budget': '2500 USD/month',
        'tollgate.dev/budget-thresholds': '60,90',
        'tollgate.dev/budget-enforcement': 'hard',
      }),
    );
    expect(labels).toEqual({
      costCenter: 'cc-4100',
      team: 'ml-apps',
      project: 'support-ai',
      environmentTier: 'production',
      budget: { amountMicros: 2500000000n, currency: 'USD', period: 'month' },
      budgetThresholds: [60, 90],
      budgetEnforcement: 'hard',
      billingGranularity: undefined,
      problems: [],
    });
  });

  it('defaults the team to the owning group and applies defaults', () => {
    const labels = readEntityCostLabels(component({}));
    expect(labels.team).toBe('ai-platform');
    expect(labels.budgetThresholds).toEqual([50, 80, 100]);
    expect(labels.budgetEnforcement).toBe('advisory');
    expect(labels.costCenter).toBeUndefined();
  });

  it('does not take a user owner as the team', () => {
    expect(
      readEntityCostLabels(component({}, 'user:jdoe')).team,
    ).toBeUndefined();
    expect(readEntityCostLabels(component({}, 42)).team).toBeUndefined();
  });

  it('reports each malformed annotation and leaves it out', () => {
    const labels = readEntityCostLabels(
      component({
        'tollgate.dev/cost-center': 'Bad Value!',
        'tollgate.dev/team': '',
        'tollgate.dev/budget': 'lots',
        'tollgate.dev/budget-enforcement': 'strict',
      }),
    );
    expect(labels.costCenter).toBeUndefined();
    expect(labels.team).toBeUndefined();
    expect(labels.budget).toBeUndefined();
    expect(labels.budgetEnforcement).toBe('advisory');
    expect(labels.problems.map(p => p.annotation)).toEqual([
      'tollgate.dev/cost-center',
      'tollgate.dev/team',
      'tollgate.dev/budget',
      'tollgate.dev/budget-enforcement',
    ]);
    expect(labels.problems[0].message).toContain('"Bad Value!"');
  });

  it('tolerates an entity without metadata annotations', () => {
    const entity = component({});
    delete entity.metadata.annotations;
    expect(readEntityCostLabels(entity).problems).toEqual([]);
  });
});
