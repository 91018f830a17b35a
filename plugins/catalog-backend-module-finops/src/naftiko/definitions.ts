import { InputError } from '@backstage/errors';
import { OPENAPI_BILLING_EXTENSION } from '@tollgate/plugin-finops-common';
import { stringify } from 'yaml';
import { ExposedAdapter, SpecOperation } from './CapabilitySpec';
import { operationBillingTags } from './billingTags';

type Json = Record<string, unknown>;

/** `/ships/{{imo_number}}` becomes `/ships/{imo_number}`. */
export function toOpenApiPath(path: string): string {
  const converted = path.trim().replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, '{$1}');
  return converted.startsWith('/') ? converted : `/${converted}`;
}

function toYaml(document: Json): string {
  return stringify(document, { lineWidth: 0 });
}

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  servers?: string[];
  /** Where the operations are declared, for error messages. */
  where: string;
  /** Whether operation tags carry billing words (consumed APIs). */
  billing: boolean;
}

/**
 * An OpenAPI document for the operations of an adapter. On consumed APIs, the billing
 * tags of an operation become its `x-tollgate-billing`.
 */
export function openApiDefinition(
  operations: SpecOperation[],
  options: OpenApiOptions,
  extraPaths: string[] = [],
): string {
  const paths: Record<string, Record<string, Json>> = {};
  const names = new Set<string>();
  for (const path of extraPaths) {
    paths[toOpenApiPath(path)] ??= {};
  }
  for (const operation of operations) {
    const realPath = toOpenApiPath(operation.path);
    const method = operation.method.toLowerCase();
    const label = operation.name
      ? `operation ${JSON.stringify(operation.name)}`
      : `operation ${operation.method} ${realPath}`;
    if (operation.name) {
      if (names.has(operation.name)) {
        throw new InputError(
          `${options.where}: ${label} is declared twice: expected unique operation names`,
        );
      }
      names.add(operation.name);
    }
    // Naftiko names operations; several may share a method and a path. OpenAPI
    // allows one per method and path, so the later ones get a path key that names
    // them, and their real path in x-naftiko-path.
    let path = realPath;
    for (let n = 2; paths[path]?.[method]; n++) {
      path = `${realPath}#${operation.name ?? n}`;
      if (operation.name && paths[path]?.[method]) {
        path = `${realPath}#${operation.name}-${n}`;
      }
    }
    const { billing, others } = options.billing
      ? operationBillingTags(operation.tags, `${options.where} ${label}`)
      : { billing: undefined, others: operation.tags };
    paths[path] ??= {};
    paths[path][method] = {
      ...(operation.name ? { operationId: operation.name } : {}),
      ...(operation.description ? { summary: operation.description } : {}),
      ...(others.length ? { tags: others } : {}),
      ...(billing ? { [OPENAPI_BILLING_EXTENSION]: billing } : {}),
      ...(path !== realPath ? { 'x-naftiko-path': realPath } : {}),
      responses: { default: { description: 'Response' } },
    };
  }
  return toYaml({
    openapi: '3.0.3',
    info: {
      title: options.title,
      version: options.version,
      ...(options.description ? { description: options.description } : {}),
    },
    ...(options.servers?.length
      ? { servers: options.servers.map(url => ({ url })) }
      : {}),
    paths,
  });
}

/** A YAML description of an MCP, skill or imported adapter, as the spec declares it. */
export function adapterDefinition(
  adapter: Exclude<ExposedAdapter, { type: 'rest' }>,
): string {
  switch (adapter.type) {
    case 'mcp':
      return toYaml({
        namespace: adapter.namespace,
        ...(adapter.description ? { description: adapter.description } : {}),
        ...(adapter.transport ? { transport: adapter.transport } : {}),
        ...(adapter.port ? { port: adapter.port } : {}),
        tools: adapter.tools,
        ...(adapter.resources.length ? { resources: adapter.resources } : {}),
        ...(adapter.prompts.length ? { prompts: adapter.prompts } : {}),
      });
    case 'skill':
      return toYaml({
        namespace: adapter.namespace,
        ...(adapter.description ? { description: adapter.description } : {}),
        ...(adapter.port ? { port: adapter.port } : {}),
        skills: adapter.skills,
      });
    default:
      return importDefinition(adapter.namespace, adapter.importedFrom);
  }
}

/** The definition of an adapter imported from another file, which is not read. */
export function importDefinition(
  namespace: string,
  importedFrom: string,
): string {
  return toYaml({
    namespace,
    import: importedFrom,
    description: `Declared in ${importedFrom}; imported files are not read by the catalog import.`,
  });
}
