import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  COST_GROUP_BYS,
  GOVERNANCE_LEVELS,
  SUMMARY_GROUP_BYS,
} from '@tollgate/plugin-finops-common';
import { parse } from 'yaml';

const spec = parse(readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8'));

/** The keys of OpenAPI 3.0 parameter and schema objects the spec may use. */
const PARAMETER_KEYS = new Set([
  'name',
  'in',
  'required',
  'description',
  'schema',
  'example',
  'deprecated',
  'style',
  'explode',
  'allowReserved',
  '$ref',
]);
const SCHEMA_KEYS = new Set([
  'type',
  'format',
  'description',
  'properties',
  'required',
  'items',
  'enum',
  'pattern',
  'nullable',
  'additionalProperties',
  'allOf',
  'oneOf',
  'anyOf',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'minLength',
  'example',
  'default',
  '$ref',
]);

/** Every schema object below a schema, with where it is. */
function* schemasOf(schema: any, at: string): Generator<[string, any]> {
  if (!schema || typeof schema !== 'object') return;
  yield [at, schema];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    yield* schemasOf(property, `${at}.properties.${name}`);
  }
  if (typeof schema.additionalProperties === 'object') {
    yield* schemasOf(schema.additionalProperties, `${at}.additionalProperties`);
  }
  yield* schemasOf(schema.items, `${at}.items`);
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    for (const [i, part] of (schema[key] ?? []).entries()) {
      yield* schemasOf(part, `${at}.${key}[${i}]`);
    }
  }
}

/** The spec the router is generated from. */
describe('openapi.yaml', () => {
  it('uses only OpenAPI keys in parameters and schemas', () => {
    // An unquoted comma in a flow mapping makes a stray key of what follows it.
    const stray: string[] = [];
    const parameters = [
      ...Object.entries(spec.components.parameters ?? {}),
      ...Object.entries(spec.paths).flatMap(([path, ops]: [string, any]) =>
        Object.entries(ops).flatMap(([method, op]: [string, any]) =>
          (op.parameters ?? []).map((p: any, i: number) => [
            `${method} ${path} parameter ${i}`,
            p,
          ]),
        ),
      ),
    ] as Array<[string, any]>;
    for (const [at, parameter] of parameters) {
      for (const key of Object.keys(parameter)) {
        if (!PARAMETER_KEYS.has(key)) stray.push(`${at}: ${key}`);
      }
      for (const [where, schema] of schemasOf(parameter.schema, at)) {
        for (const key of Object.keys(schema)) {
          if (!SCHEMA_KEYS.has(key)) stray.push(`${where}: ${key}`);
        }
      }
    }
    for (const [name, root] of Object.entries(spec.components.schemas)) {
      for (const [where, schema] of schemasOf(root, name)) {
        for (const key of Object.keys(schema)) {
          if (!SCHEMA_KEYS.has(key)) stray.push(`${where}: ${key}`);
        }
      }
    }
    expect(stray).toEqual([]);
  });

  it('is what the generated server files were written from', () => {
    // `yarn generate:openapi` writes src/schema/openapi/generated from openapi.yaml
    const check = spawnSync(
      process.execPath,
      [
        resolve(__dirname, '../../../../scripts/generate-openapi-server.mjs'),
        resolve(__dirname, '../..'),
        '--check',
      ],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('allows in its enums the choices the handlers and the frontend use', () => {
    const enumOf = (path: string, name: string) =>
      spec.paths[path].get.parameters.find((p: any) => p.name === name)?.schema
        .enum;
    expect(
      enumOf('/v1/entities/{kind}/{namespace}/{name}/cost', 'groupBy'),
    ).toEqual([...COST_GROUP_BYS]);
    expect(enumOf('/v1/summary', 'groupBy')).toEqual([...SUMMARY_GROUP_BYS]);
    expect(enumOf('/v1/governance/findings', 'level')).toEqual([
      ...GOVERNANCE_LEVELS,
    ]);
  });

  it('gives every nullable schema a type', () => {
    const untyped: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => visit(item, `${at}[${i}]`));
      } else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.nullable === true && !('type' in record)) untyped.push(at);
        for (const [key, value] of Object.entries(record)) {
          visit(value, `${at}.${key}`);
        }
      }
    };
    visit(spec, 'spec');
    expect(untyped).toEqual([]);
  });
});
