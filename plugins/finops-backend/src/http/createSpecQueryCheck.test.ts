import { createSpecQueryCheck } from './createSpecQueryCheck';

describe('createSpecQueryCheck', () => {
  const check = createSpecQueryCheck('/v1/guardrails/check', 'get');
  const message = (query: Record<string, unknown>) => {
    try {
      check(query);
    } catch (error) {
      return (error as Error).message;
    }
    return undefined;
  };

  it('lets a query the spec allows through', () => {
    expect(
      message({ entityRef: 'component:default/a', estimatedCost: '0.1' }),
    ).toBeUndefined();
    expect(
      message({
        entityRef: 'component:default/a',
        estimatedCost: '0.1',
        currency: 'EUR',
      }),
    ).toBeUndefined();
  });

  it('refuses what the spec refuses, worded as the validator errors are', () => {
    expect(message({ estimatedCost: '1' })).toBe(
      'Query parameter entityRef is required',
    );
    expect(message({ entityRef: 'a', estimatedCost: '1', colour: 'x' })).toBe(
      'Query parameter colour is unknown: this route takes entityRef, estimatedCost, currency',
    );
    expect(message({ entityRef: ['a', 'b'], estimatedCost: '1' })).toBe(
      'Query parameter entityRef was given more than once',
    );
    expect(message({ entityRef: { a: '1' }, estimatedCost: '1' })).toBe(
      'Query parameter entityRef has invalid value {"a":"1"}: must be string',
    );
  });

  it('checks an enum', () => {
    const leaderboard = createSpecQueryCheck('/v1/scorecards', 'get');
    expect(() => leaderboard({ groupBy: 'team' })).not.toThrow();
    expect(() => leaderboard({ groupBy: 'system' })).toThrow(
      'Query parameter groupBy has invalid value "system": must be equal to one of the allowed values: team, costCenter',
    );
  });

  it('will not stand in for the validator where the spec says more than it checks', () => {
    expect(() => createSpecQueryCheck('/v1/summary', 'get')).toThrow(
      'GET /v1/summary: parameter from is not a plain query string',
    );
    expect(() =>
      createSpecQueryCheck(
        '/v1/entities/{kind}/{namespace}/{name}/labels',
        'get',
      ),
    ).toThrow('parameter kind is not a plain query string');
  });
});
