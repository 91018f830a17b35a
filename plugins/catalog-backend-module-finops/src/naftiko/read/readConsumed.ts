import { ConsumedAdapter, SpecOperation } from '../CapabilitySpec';
import { isImport, readImport } from './readImport';
import { readOperation } from './readOperation';
import { Item, invalid, items, required, text, texts } from './specValues';

/** Reads a consumed HTTP adapter with its operations, or an import of one. */
export function readConsumed(item: Item): ConsumedAdapter {
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
