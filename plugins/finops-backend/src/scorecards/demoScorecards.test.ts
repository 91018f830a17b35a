import { readDemoScorecards } from './__testUtils__/readDemoScorecards';

describe('the demo scorecard', () => {
  it('is valid and uses built-in metrics only', () => {
    const [definition] = readDemoScorecards();
    expect(definition.id).toBe('capability-health');
    expect(new Set(definition.checks.map(c => c.pillar))).toEqual(
      new Set(['cost', 'risk', 'velocity']),
    );
  });
});
