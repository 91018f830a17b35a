import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readScorecardDefinitions } from '@tollgate/plugin-finops-common';
import { parse } from 'yaml';
import { builtInScorecardMetrics } from './metrics';

describe('the demo scorecard', () => {
  it('is valid and uses built-in metrics only', () => {
    const config = parse(
      readFileSync(resolve(__dirname, '../../../../app-config.yaml'), 'utf8'),
    );
    const [definition] = readScorecardDefinitions(
      config.tollgate.scorecards,
      builtInScorecardMetrics({ anomalyMinIncreaseMicros: 1_000_000n }).map(
        m => m.id,
      ),
    );
    expect(definition.id).toBe('capability-health');
    expect(new Set(definition.checks.map(c => c.pillar))).toEqual(
      new Set(['cost', 'risk', 'velocity']),
    );
  });
});
