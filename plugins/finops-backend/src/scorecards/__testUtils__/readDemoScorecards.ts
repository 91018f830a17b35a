import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';
import {
  ScorecardDefinition,
  readScorecardDefinitions,
} from '@tollgate/plugin-finops-common';
import { parse } from 'yaml';
import { builtInScorecardMetrics } from '../metrics';

/** The scorecards of the demo's app-config.yaml, for its test and the benchmark. */
export function readDemoScorecards(): ScorecardDefinition[] {
  const config = parse(
    readFileSync(
      resolvePackagePath(
        '@tollgate/plugin-finops-backend',
        '../../app-config.yaml',
      ),
      'utf8',
    ),
  );
  return readScorecardDefinitions(
    config.tollgate.scorecards,
    builtInScorecardMetrics({ anomalyMinIncreaseMicros: 1_000_000n }).map(
      m => m.id,
    ),
  );
}
