import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** The spec describes exactly the routes the router serves. */
describe('openapi.yaml', () => {
  it('lists every route of the router and no other', () => {
    const spec = parse(
      readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    const documented = Object.entries(spec.paths as Record<string, object>)
      .flatMap(([path, ops]) =>
        Object.keys(ops).map(m => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    const source = ['router.ts', 'budgetRoutes.ts', 'scorecardRoutes.ts']
      .map(file => readFileSync(resolve(__dirname, '../service', file), 'utf8'))
      .join('\n');
    const served = [
      ...source.matchAll(/router\.(get|post|put|delete)\(\s*'([^']+)'/g),
    ]
      .map(
        ([, method, path]) =>
          `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`,
      )
      .sort();
    expect(documented).toEqual(served);
  });
});
