import {
  ScorecardDefinition,
  scoreScorecard,
} from '@tollgate/plugin-finops-common';
import {
  evaluatedScorecardOf,
  outcomeOf,
  storedResultOf,
} from './scorecardRows';

const definition: ScorecardDefinition = {
  id: 'health',
  title: 'Health',
  filter: {},
  checks: [
    {
      id: 'latency',
      pillar: 'risk',
      metric: 'p95-latency',
      thresholds: {
        type: 'number',
        direction: 'lower-better',
        pass: 500,
        warn: 1000,
        fail: 2000,
      },
      weight: 1,
      description: 'Fast enough.',
      howToFix: 'Cache.',
    },
    {
      id: 'owner',
      pillar: 'risk',
      metric: 'owner-declared',
      thresholds: { type: 'boolean', expected: true },
      weight: 1,
      description: 'Someone owns it.',
      howToFix: 'Set spec.owner.',
    },
  ],
};
const key = {
  entityRef: 'component:default/a',
  scorecardId: 'health',
  day: '2026-12-01',
};

describe('scorecard rows', () => {
  it('joins an outcome with its evaluated scorecard into the same result', () => {
    for (const values of [
      { latency: 700, owner: true },
      { latency: undefined, owner: false },
    ]) {
      const result = scoreScorecard({ definition, ...key, values });
      const scorecard = evaluatedScorecardOf(result);
      const outcome = outcomeOf(result, scorecard)!;
      expect(JSON.stringify(outcome)).not.toContain('Fast enough.');
      const read = storedResultOf(
        key,
        JSON.parse(JSON.stringify(outcome)),
        JSON.parse(JSON.stringify(scorecard)),
      );
      // Same fields in the same order as the result scored.
      expect(JSON.stringify(read)).toBe(JSON.stringify(result));
    }
  });

  it('has no outcome for a result of other thresholds, title or checks', () => {
    const result = scoreScorecard({
      definition,
      ...key,
      values: { latency: 700, owner: true },
    });
    const scorecard = evaluatedScorecardOf(result);
    const changed = (change: Partial<ScorecardDefinition>) =>
      scoreScorecard({
        definition: { ...definition, ...change },
        ...key,
        values: { latency: 700, owner: true },
      });
    expect(
      outcomeOf(
        changed({
          checks: [
            {
              ...definition.checks[0],
              thresholds: { ...definition.checks[0].thresholds },
            },
            definition.checks[1],
          ],
        }),
        scorecard,
      ),
    ).toBeDefined();
    expect(
      outcomeOf(
        changed({
          checks: [
            {
              ...definition.checks[0],
              thresholds: {
                type: 'number',
                direction: 'lower-better',
                pass: 400,
                warn: 1000,
                fail: 2000,
              },
            },
            definition.checks[1],
          ],
        }),
        scorecard,
      ),
    ).toBeUndefined();
    expect(outcomeOf(changed({ title: 'Other' }), scorecard)).toBeUndefined();
    expect(
      outcomeOf(changed({ checks: [definition.checks[1]] }), scorecard),
    ).toBeUndefined();
  });

  it('names the scorecard and day when an outcome has no scorecard to join', () => {
    const result = scoreScorecard({
      definition,
      ...key,
      values: { latency: 700, owner: true },
    });
    const outcome = outcomeOf(result, evaluatedScorecardOf(result))!;
    expect(() => storedResultOf(key, outcome, undefined)).toThrow(
      'Scorecard health of 2026-12-01 is missing',
    );
  });
});
