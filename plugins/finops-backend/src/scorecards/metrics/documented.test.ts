import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtInScorecardMetrics } from '.';

describe('the backend README', () => {
  it('lists every built-in scorecard metric', () => {
    const readme = readFileSync(
      resolve(__dirname, '../../../README.md'),
      'utf8',
    );
    const listed = [
      ...readme.matchAll(/^\| `([a-z0-9-]+)` +\| (?:cost|risk|velocity) /gm),
    ].map(m => m[1]);
    const ids = builtInScorecardMetrics({
      anomalyMinIncreaseMicros: 1_000_000n,
    }).map(m => m.id);
    expect([...listed].sort()).toEqual([...ids].sort());
  });
});
