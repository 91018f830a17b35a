import { readScorecardDefinitions } from './readScorecardDefinitions';

const check = {
  id: 'error-rate',
  pillar: 'risk',
  metric: 'error-rate',
  direction: 'lower-better',
  thresholds: { pass: 0.01, warn: 0.05, fail: 0.1 },
  description: 'Share of requests answered with a server error',
  howToFix: 'Look at the error logs',
};

function scorecard(checkOverrides: Record<string, unknown>) {
  return [
    {
      id: 'health',
      title: 'Health',
      filter: { kinds: ['Component'] },
      checks: [{ ...check, ...checkOverrides }],
    },
  ];
}

describe('readScorecardDefinitions', () => {
  it('reads scorecards with number and boolean checks', () => {
    expect(readScorecardDefinitions(undefined)).toEqual([]);
    const [definition] = readScorecardDefinitions([
      {
        id: 'health',
        filter: { kinds: ['Component'], tags: ['genai'] },
        checks: [
          check,
          {
            id: 'owner',
            pillar: 'risk',
            metric: 'owner-declared',
            expect: true,
            weight: 2,
            description: 'An owner is declared',
            howToFix: 'Set spec.owner',
          },
        ],
      },
    ]);
    expect(definition).toEqual({
      id: 'health',
      title: 'health',
      filter: { kinds: ['Component'], tags: ['genai'] },
      checks: [
        {
          id: 'error-rate',
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
          description: 'Share of requests answered with a server error',
          howToFix: 'Look at the error logs',
        },
        {
          id: 'owner',
          pillar: 'risk',
          metric: 'owner-declared',
          thresholds: { type: 'boolean', expected: true },
          weight: 2,
          description: 'An owner is declared',
          howToFix: 'Set spec.owner',
        },
      ],
    });
  });

  it.each([
    [{ pillar: 'speed' }, 'field pillar has invalid value "speed"'],
    [{ weight: 0 }, 'field weight has invalid value 0'],
    [
      { thresholds: { pass: 0.1, warn: 0.05, fail: 0.01 } },
      'field thresholds has invalid value {"pass":0.1,"warn":0.05,"fail":0.01}: expected pass < warn < fail for a lower-better check',
    ],
    [
      { thresholds: { pass: 0.01, warn: 'high', fail: 0.1 } },
      'field thresholds.warn has invalid value "high"',
    ],
    [{ direction: 'up' }, 'field direction has invalid value "up"'],
    [{ howToFix: '' }, 'field howToFix has invalid value ""'],
    [{ expect: 'yes' }, 'field expect has invalid value "yes"'],
    [{ metric: 'nope' }, 'field metric has invalid value "nope"'],
  ])('names the scorecard, the check and the field of %p', (bad, message) => {
    expect(() =>
      readScorecardDefinitions(scorecard(bad), ['error-rate']),
    ).toThrow(
      `tollgate.scorecards[0] (scorecard health) checks[0] (check error-rate) ${message}`,
    );
  });

  it('refuses duplicate ids and unknown fields', () => {
    expect(() =>
      readScorecardDefinitions([{ id: 'health', checks: [check, check] }]),
    ).toThrow('check error-rate field id: the id is used by another check');
    expect(() =>
      readScorecardDefinitions([
        { id: 'health', checks: [check], filter: { team: ['x'] } },
      ]),
    ).toThrow('(scorecard health) field filter.team has invalid value ["x"]');
    expect(() => readScorecardDefinitions({ id: 'x' })).toThrow(
      'tollgate.scorecards has invalid value',
    );
  });
});
