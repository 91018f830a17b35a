import {
  EntityScorecardResponse,
  ScorecardLeaderboardResponse,
} from '@tollgate/plugin-finops-common';

export const entityScorecard: EntityScorecardResponse = {
  entityRef: 'component:default/support-summarizer',
  scorecards: [
    {
      scorecardId: 'ai-service',
      title: 'AI service health',
      entityRef: 'component:default/support-summarizer',
      day: '2026-11-28',
      score: 72.5,
      grade: 'C',
      pillars: [
        {
          pillar: 'cost',
          score: 90,
          grade: 'A',
          applicableChecks: 2,
          notApplicableChecks: 0,
        },
        {
          pillar: 'risk',
          score: 55,
          grade: 'F',
          applicableChecks: 1,
          notApplicableChecks: 0,
        },
        {
          pillar: 'velocity',
          score: null,
          grade: null,
          applicableChecks: 0,
          notApplicableChecks: 1,
        },
      ],
      checks: [
        {
          id: 'budget-set',
          pillar: 'cost',
          metric: 'has-budget',
          description: 'The entity has a budget',
          howToFix: 'Set a budget on the Cost tab',
          weight: 1,
          thresholds: { type: 'boolean', expected: true },
          value: true,
          status: 'pass',
          score: 100,
        },
        {
          id: 'unit-cost',
          pillar: 'cost',
          metric: 'cost-per-request',
          description: 'Cost per request stays low',
          howToFix: 'Cache prompts and use a smaller model',
          weight: 1,
          thresholds: {
            type: 'number',
            direction: 'lower-better',
            pass: 0.01,
            warn: 0.02,
            fail: 0.05,
          },
          value: 0.015,
          status: 'warn',
          score: 75,
        },
        {
          id: 'error-rate',
          pillar: 'risk',
          metric: 'error-rate',
          description: 'Error rate under 1%',
          howToFix: 'Retry provider errors with backoff',
          weight: 2,
          thresholds: {
            type: 'number',
            direction: 'lower-better',
            pass: 1,
            warn: 2,
            fail: 5,
          },
          value: 3.2,
          status: 'fail',
          score: 30,
        },
        {
          id: 'deploy-frequency',
          pillar: 'velocity',
          metric: 'deploys-per-week',
          description: 'Deploys at least weekly',
          howToFix: 'Ship smaller changes more often',
          weight: 1,
          thresholds: {
            type: 'number',
            direction: 'higher-better',
            pass: 1,
            warn: 0.5,
            fail: 0,
          },
          status: 'notApplicable',
          score: null,
        },
      ],
      trend: [],
    },
  ],
};

/** The same scorecard with three days of history. */
export const scorecardWithTrend: EntityScorecardResponse = {
  ...entityScorecard,
  scorecards: entityScorecard.scorecards.map(s => ({
    ...s,
    trend: [
      {
        day: '2026-11-26',
        score: 60,
        pillars: { cost: 80, risk: 40, velocity: null },
      },
      {
        day: '2026-11-27',
        score: null,
        pillars: { cost: null, risk: null, velocity: null },
      },
      {
        day: '2026-11-28',
        score: 72.5,
        pillars: { cost: 90, risk: 55, velocity: null },
      },
    ],
  })),
};

export const noScorecard: EntityScorecardResponse = {
  entityRef: 'component:default/support-summarizer',
  scorecards: [],
};

export function leaderboard(
  groupBy: 'team' | 'costCenter',
): ScorecardLeaderboardResponse {
  const prefix = groupBy === 'team' ? 'team' : 'cc';
  return {
    groupBy,
    day: '2026-11-28',
    items: [
      {
        key: `${prefix}-middle`,
        score: 71.2,
        grade: 'C',
        pillars: { cost: 80, risk: 62.4, velocity: null },
        entities: 3,
      },
      {
        key: `${prefix}-best`,
        score: 93.5,
        grade: 'A',
        pillars: { cost: 95, risk: 92, velocity: 93.5 },
        entities: 5,
      },
      {
        key: '(unlabelled)',
        score: null,
        grade: null,
        pillars: { cost: null, risk: null, velocity: null },
        entities: 1,
      },
      {
        key: `${prefix}-worst`,
        score: 40,
        grade: 'F',
        pillars: { cost: 40, risk: null, velocity: null },
        entities: 2,
      },
    ],
  };
}
