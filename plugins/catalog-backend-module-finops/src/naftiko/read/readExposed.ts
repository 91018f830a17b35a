import { InputError } from '@backstage/errors';
import { ExposedAdapter, NamedItem, SpecOperation } from '../CapabilitySpec';
import { isImport, readImport } from './readImport';
import { readOperation } from './readOperation';
import { Item, Json, invalid, items, required, text } from './specValues';

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

/** Reads an exposed REST, MCP or skill adapter, or an import of one. */
export function readExposed(item: Item): ExposedAdapter {
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
