import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import {
  CapabilitySpec,
  ConsumedAdapter,
  ExposedAdapter,
  NamedItem,
  SpecOperation,
  Stakeholder,
} from './CapabilitySpec';

type Json = Record<string, unknown>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, value: unknown, expected: string): InputError {
  return new InputError(
    `${path} has invalid value ${JSON.stringify(value)}: expected ${expected}`,
  );
}

function text(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value.trim() || undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  throw invalid(path, value, 'a string');
}

function required(value: unknown, path: string): string {
  const result = text(value, path);
  if (result === undefined) {
    throw new InputError(`${path} is missing: expected a string`);
  }
  return result;
}

function texts(value: unknown, path: string): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw invalid(path, value, 'a list of strings');
  }
  return value.map((item, i) => required(item, `${path}[${i}]`));
}

interface Item {
  /** The key in a map, else the item's `name`. */
  name?: string;
  value: Json;
  path: string;
}

/** Reads a collection written either as a list of named maps or as a map by name. */
function items(value: unknown, path: string): Item[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      const itemPath = `${path}[${i}]`;
      if (!isRecord(item)) {
        throw invalid(itemPath, item, 'a map');
      }
      return {
        name: text(item.name, `${itemPath}.name`),
        value: item,
        path: itemPath,
      };
    });
  }
  if (isRecord(value)) {
    return Object.entries(value).map(([name, item]) => {
      const itemPath = `${path}.${name}`;
      if (item !== null && !isRecord(item)) {
        throw invalid(itemPath, item, 'a map');
      }
      return { name, value: item ?? {}, path: itemPath };
    });
  }
  throw invalid(path, value, 'a list or a map');
}

/**
 * Reads a Naftiko or Ikanos capability spec: YAML with a top-level `naftiko:` or
 * `ikanos:` version key and a `capability` section.
 *
 * @throws InputError naming the field at fault and the expected form.
 */
export function readCapabilitySpec(source: string): CapabilitySpec {
  let document: unknown;
  try {
    document = parse(source, { maxAliasCount: 100 });
  } catch (e) {
    throw new InputError(
      `is not valid YAML: ${
        (e instanceof Error ? e.message : String(e)).split('\n')[0]
      }`,
    );
  }
  const expectedKey = 'a top-level "naftiko:" or "ikanos:" version key';
  if (!isRecord(document)) {
    throw new InputError(
      `is not a Naftiko or Ikanos capability spec: expected ${expectedKey}`,
    );
  }
  if ('naftiko' in document && 'ikanos' in document) {
    throw new InputError(
      `declares both "naftiko" and "ikanos" versions: expected ${expectedKey}`,
    );
  }
  const format = 'ikanos' in document ? 'ikanos' : 'naftiko';
  if (!(format in document)) {
    throw new InputError(
      `is not a Naftiko or Ikanos capability spec: expected ${expectedKey}`,
    );
  }
  const version = required(document[format], format);
  const capability = document.capability;
  if (capability === undefined || capability === null) {
    throw new InputError(
      'has no "capability" section: only capability specs are imported; shared consumes, exposes or binds files are not',
    );
  }
  if (!isRecord(capability)) {
    throw invalid('capability', capability, 'a map with consumes and exposes');
  }
  const info = document.info ?? {};
  if (!isRecord(info)) {
    throw invalid('info', info, 'a map');
  }
  const exposes = items(capability.exposes, 'capability.exposes');
  const labels = {
    ...controlLabels(exposes),
    ...readLabels(info.labels, 'info.labels'),
  };
  return {
    format,
    version,
    name: text(info.name, 'info.name'),
    title: text(
      info.label ?? info.display,
      format === 'ikanos' ? 'info.display' : 'info.label',
    ),
    description: text(info.description, 'info.description'),
    infoVersion: text(info.version, 'info.version'),
    tags: texts(info.tags, 'info.tags'),
    labels,
    stakeholders: readStakeholders(info.stakeholders),
    consumes: [
      ...items(document.consumes, 'consumes'),
      ...items(capability.consumes, 'capability.consumes'),
    ].map(readConsumed),
    exposes: exposes
      .filter(item => item.value.type !== 'control')
      .map(readExposed),
  };
}

function readLabels(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value)) {
    throw invalid(path, value, 'a map of label names to values');
  }
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(value)) {
    const read = text(label, `${path}.${key}`);
    if (read !== undefined) {
      labels[key] = read;
    }
  }
  return labels;
}

function controlLabels(exposes: Item[]): Record<string, string> {
  return Object.assign(
    {},
    ...exposes
      .filter(item => item.value.type === 'control')
      .map(item => readLabels(item.value.labels, `${item.path}.labels`)),
  );
}

function readStakeholders(value: unknown): Stakeholder[] {
  return items(value, 'info.stakeholders').map(({ value: person, path }) => ({
    role: required(person.role, `${path}.role`),
    fullName: text(person.fullName, `${path}.fullName`),
    email: text(person.email, `${path}.email`),
  }));
}

function isImport(value: Json): boolean {
  return 'import' in value || 'from' in value || 'location' in value;
}

function readImport(item: Item): { namespace: string; importedFrom: string } {
  const { value, path } = item;
  const imported = text(value.import, `${path}.import`);
  const namespace = text(value.as, `${path}.as`) ?? imported;
  const importedFrom =
    text(value.from, `${path}.from`) ??
    text(value.location, `${path}.location`) ??
    imported;
  if (!namespace || !importedFrom) {
    throw new InputError(
      `${path} is an import without "import" or "as": expected the imported namespace`,
    );
  }
  return { namespace, importedFrom };
}

function readConsumed(item: Item): ConsumedAdapter {
  const { value, path } = item;
  if (isImport(value)) {
    return {
      ...readImport(item),
      tags: texts(value.tags, `${path}.tags`),
      operations: [],
    };
  }
  const type = text(value.type, `${path}.type`);
  if (type !== 'http') {
    throw invalid(`${path}.type`, value.type, 'http, or an import');
  }
  const operations: SpecOperation[] = [];
  for (const resource of items(value.resources, `${path}.resources`)) {
    const resourcePath =
      text(resource.value.path, `${resource.path}.path`) ?? '';
    const resourceTags = texts(resource.value.tags, `${resource.path}.tags`);
    for (const operation of items(
      resource.value.operations,
      `${resource.path}.operations`,
    )) {
      operations.push(readOperation(operation, resourcePath, resourceTags));
    }
  }
  for (const operation of items(value.operations, `${path}.operations`)) {
    operations.push(
      readOperation(
        operation,
        text(operation.value.path, `${operation.path}.path`) ?? '',
        [],
      ),
    );
  }
  return {
    namespace: required(value.namespace, `${path}.namespace`),
    description: text(value.description, `${path}.description`),
    baseUri: text(value.baseUri, `${path}.baseUri`),
    tags: texts(value.tags, `${path}.tags`),
    operations,
  };
}

function readOperation(
  item: Item,
  path: string,
  resourceTags: string[],
): SpecOperation {
  const { value } = item;
  const method = (
    text(value.method, `${item.path}.method`) ?? 'GET'
  ).toUpperCase();
  if (!METHODS.includes(method)) {
    throw invalid(
      `${item.path}.method`,
      value.method,
      `one of ${METHODS.join(', ')}`,
    );
  }
  const tags = texts(value.tags, `${item.path}.tags`);
  return {
    name: item.name ?? text(value.id, `${item.path}.id`),
    method,
    path,
    description: text(
      value.description ?? value.label ?? value.display,
      `${item.path}.description`,
    ),
    tags: tags.length ? tags : resourceTags,
  };
}

function named(item: Item): NamedItem {
  const name = item.name ?? text(item.value.ref, `${item.path}.ref`);
  if (!name) {
    throw new InputError(`${item.path}.name is missing: expected a name`);
  }
  return {
    name,
    description: text(item.value.description, `${item.path}.description`),
  };
}

function port(value: Json, path: string): number | undefined {
  if (value.port === undefined) {
    return undefined;
  }
  if (typeof value.port !== 'number' || !Number.isInteger(value.port)) {
    throw invalid(`${path}.port`, value.port, 'a port number');
  }
  return value.port;
}

function readExposed(item: Item): ExposedAdapter {
  const { value, path } = item;
  if (isImport(value)) {
    return { type: 'import', ...readImport(item) };
  }
  const namespace = () => required(value.namespace, `${path}.namespace`);
  const description = text(value.description, `${path}.description`);
  switch (value.type) {
    case 'rest': {
      const operations: SpecOperation[] = [];
      const forwards: string[] = [];
      for (const resource of items(value.resources, `${path}.resources`)) {
        const resourcePath = required(
          resource.value.path,
          `${resource.path}.path`,
        );
        const resourceOperations = items(
          resource.value.operations,
          `${resource.path}.operations`,
        );
        if (resourceOperations.length === 0) {
          forwards.push(resourcePath);
        }
        for (const operation of resourceOperations) {
          operations.push(readOperation(operation, resourcePath, []));
        }
      }
      return {
        type: 'rest',
        namespace: namespace(),
        description,
        port: port(value, path),
        operations,
        forwards,
      };
    }
    case 'mcp':
      return {
        type: 'mcp',
        namespace: namespace(),
        description,
        port: port(value, path),
        transport: text(value.transport, `${path}.transport`),
        tools: items(value.tools, `${path}.tools`).map(named),
        resources: items(value.resources, `${path}.resources`).map(named),
        prompts: items(value.prompts, `${path}.prompts`).map(named),
      };
    case 'skill':
      return {
        type: 'skill',
        namespace: namespace(),
        description,
        port: port(value, path),
        skills: items(value.skills, `${path}.skills`).map(skill => ({
          ...named(skill),
          tools: items(skill.value.tools, `${skill.path}.tools`).map(
            tool => named(tool).name,
          ),
        })),
      };
    default:
      throw invalid(
        `${path}.type`,
        value.type,
        'one of rest, mcp, skill, control, or an import',
      );
  }
}
