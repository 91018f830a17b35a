import { gradeOf } from './gradeOf';
import { scoreScorecard } from './scoreScorecard';
import { ScorecardDefinition } from './types';

const definition: ScorecardDefinition = {
  id: 'health',
  title: 'Health',
  filter: {},
  checks: [
    {
      id: 'labelled',
      pillar: 'cost',
      metric: 'cost-center-labelled',
      thresholds: { type: 'boolean', expected: true },
      weight: 1,
      description: 'd',
      howToFix: 'h',
    },
    {
      id: 'growth',
      pillar: 'cost',
      metric: 'cost-growth-30d',
      thresholds: {
        type: 'number',
        direction: 'lower-better',
        pass: 0.1,
        warn: 0.3,
        fail: 0.5,
      },
      weight: 3,
      description: 'd',
      howToFix: 'h',
    },
    {
      id: 'errors',
      pillar: 'risk',
      metric: 'error-rate',
      thresholds: {
        type: 'number',
        direction: 'lower-better',
        pass: 0.01,
        warn: 0.05,
        fail: 0.1,
      },
      weight: 1,
      description: 'd',
      howToFix: 'h',
    },
    {
      id: 'latency',
      pillar: 'risk',
      metric: 'p95-latency-vs-slo',
      thresholds: {
        type: 'number',
        direction: 'lower-better',
        pass: 1,
        warn: 1.2,
        fail: 1.5,
      },
      weight: 5,
      description: 'd',
      howToFix: 'h',
    },
    {
      id: 'requests',
      pillar: 'velocity',
      metric: 'request-growth',
      thresholds: {
        type: 'number',
        direction: 'higher-better',
        pass: 0.1,
        warn: 0,
        fail: -0.2,
      },
      weight: 1,
      description: 'd',
      howToFix: 'h',
    },
  ],
};

describe('scoreScorecard', () => {
  it('weights checks within pillars and averages the pillars', () => {
    const result = scoreScorecard({
      definition,
      entityRef: 'component:default/a',
      day: '2026-12-01',
      values: {
        labelled: true, // 100, weight 1
        growth: 0.4, // 25, weight 3
        errors: 0.03, // 75
        // latency missing: not applicable, its weight of 5 is left out
        requests: 0.05, // 75
      },
    });
    // cost = (100 + 3 * 25) / 4 = 43.75 -> 43.8; risk = 75; velocity = 75
    expect(result.pillars).toEqual([
      {
        pillar: 'cost',
        score: 43.8,
        grade: 'F',
        applicableChecks: 2,
        notApplicableChecks: 0,
      },
      {
        pillar: 'risk',
        score: 75,
        grade: 'C',
        applicableChecks: 1,
        notApplicableChecks: 1,
      },
      {
        pillar: 'velocity',
        score: 75,
        grade: 'C',
        applicableChecks: 1,
        notApplicableChecks: 0,
      },
    ]);
    // (43.8 + 75 + 75) / 3 = 64.6
    expect(result.score).toBe(64.6);
    expect(result.grade).toBe('D');
    const latency = result.checks.find(c => c.id === 'latency')!;
    expect(latency).toMatchObject({ status: 'notApplicable', score: null });
    expect(latency).not.toHaveProperty('value');
    expect(result.checks.find(c => c.id === 'growth')).toMatchObject({
      value: 0.4,
      status: 'fail',
      score: 25,
    });
  });

  it('leaves a pillar without data unscored rather than passing it', () => {
    const result = scoreScorecard({
      definition,
      entityRef: 'component:default/a',
      day: '2026-12-01',
      values: { labelled: true },
    });
    expect(result.pillars.map(p => p.score)).toEqual([100, null, null]);
    expect(result.score).toBe(100);
    const none = scoreScorecard({
      definition,
      entityRef: 'component:default/a',
      day: '2026-12-01',
      values: {},
    });
    expect(none.score).toBeNull();
    expect(none.grade).toBeNull();
  });

  it('grades A to F', () => {
    expect([95, 90, 85, 75, 65, 59.9, null].map(gradeOf)).toEqual([
      'A',
      'A',
      'B',
      'C',
      'D',
      'F',
      null,
    ]);
  });
});
