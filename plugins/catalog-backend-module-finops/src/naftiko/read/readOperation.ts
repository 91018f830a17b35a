import { SpecOperation } from '../CapabilitySpec';
import { Item, invalid, text, texts } from './specValues';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * Reads an operation at the path given; without tags of its own it has those of its
 * resource.
 */
export function readOperation(
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
