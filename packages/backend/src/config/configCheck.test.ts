import { loadConfigSchema } from '@backstage/config-loader';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  DEMO_CONFIG,
  FULL_EXAMPLE,
  ROOT,
  backstageCli,
} from './__testUtils__/fullExample';

jest.setTimeout(120_000);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/** Every option a schema declares below `path`: `a.b`, `a.list[].c`. */
function optionPaths(schema: JsonSchema, path: string): string[] {
  if (schema.items) {
    return optionPaths(schema.items, `${path}[]`);
  }
  return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => [
    `${path}.${key}`,
    ...optionPaths(child, `${path}.${key}`),
  ]);
}

/** Whether the option is set in the value, in at least one element of each list. */
function isSet(value: unknown, path: string[]): boolean {
  if (path.length === 0) {
    return value !== undefined;
  }
  const [head, ...rest] = path;
  if (head.endsWith('[]')) {
    const list = (value as Record<string, unknown>)?.[head.slice(0, -2)];
    return Array.isArray(list) && list.some(item => isSet(item, rest));
  }
  return isSet((value as Record<string, unknown> | undefined)?.[head], rest);
}

const check = (...files: string[]) =>
  backstageCli([
    'config:check',
    '--strict',
    '--lax=false',
    ...files.flatMap(file => ['--config', file]),
  ]);

describe('config:check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-config-'));
  const misspelled = join(dir, 'app-config.misspelled.yaml');
  writeFileSync(
    misspelled,
    readFileSync(FULL_EXAMPLE, 'utf8').replace(
      /^(\s+)teamTagKey:/m,
      '$1teamTagkey:',
    ),
  );

  // The CLI runs start together: each takes seconds, mostly loading the schemas.
  const runs = {
    demo: check(DEMO_CONFIG),
    full: check(DEMO_CONFIG, FULL_EXAMPLE),
    misspelled: check(DEMO_CONFIG, misspelled),
  };

  it('passes on the demo configuration', async () => {
    const { code, output } = await runs.demo;
    expect({ code, output }).toMatchObject({ code: 0 });
  });

  it('passes on the demo with the full example on top', async () => {
    const { code, output } = await runs.full;
    expect({ code, output }).toMatchObject({ code: 0 });
  });

  it('fails on a misspelled key, naming it and where it is', async () => {
    const { code, output } = await runs.misspelled;
    expect(code).not.toBe(0);
    expect(output).toContain(
      'Config must NOT have additional properties { additionalProperty=teamTagkey } at /tollgate/sources/focus/0',
    );
  });

  it('declares every config.d.ts as its package configSchema, published', () => {
    const packages = readdirSync(join(ROOT, 'plugins'))
      .filter(plugin =>
        existsSync(join(ROOT, 'plugins', plugin, 'config.d.ts')),
      )
      .map(plugin => {
        const pkg = JSON.parse(
          readFileSync(join(ROOT, 'plugins', plugin, 'package.json'), 'utf8'),
        );
        return [pkg.name, pkg.configSchema, pkg.files.includes('config.d.ts')];
      });
    expect(packages.length).toBeGreaterThanOrEqual(5);
    for (const [name] of packages) {
      expect(packages).toContainEqual([name, 'config.d.ts', true]);
    }
  });

  it('the full example sets every option the Tollgate packages declare', async () => {
    const withSchema = readdirSync(join(ROOT, 'plugins'))
      .map(plugin =>
        JSON.parse(
          readFileSync(join(ROOT, 'plugins', plugin, 'package.json'), 'utf8'),
        ),
      )
      .filter(pkg => pkg.configSchema)
      .map(pkg => pkg.name as string);
    const schema = await loadConfigSchema({
      dependencies: withSchema,
      excludePackageDependencies: true,
    });
    const { schemas } = schema.serialize() as unknown as {
      schemas: Array<{ packageName: string; value: JsonSchema }>;
    };
    expect(schemas.map(s => s.packageName).sort()).toEqual(withSchema.sort());
    const declared = schemas.flatMap(s =>
      optionPaths(s.value.properties!.tollgate, 'tollgate'),
    );
    expect(declared).toEqual(
      expect.arrayContaining([
        'tollgate.budgets.webhookUrl',
        'tollgate.sources.focus[].urls',
        'tollgate.governance.rules[].namespaces',
      ]),
    );
    const example = parse(readFileSync(FULL_EXAMPLE, 'utf8'));
    const unset = declared.filter(path => !isSet(example, path.split('.')));
    expect(unset).toEqual([]);
  });
});
