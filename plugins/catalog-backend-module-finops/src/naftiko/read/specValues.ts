import { InputError } from '@backstage/errors';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function invalid(
  path: string,
  value: unknown,
  expected: string,
): InputError {
  return new InputError(
    `${path} has invalid value ${JSON.stringify(value)}: expected ${expected}`,
  );
}

export function text(value: unknown, path: string): string | undefined {
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

export function required(value: unknown, path: string): string {
  const result = text(value, path);
  if (result === undefined) {
    throw new InputError(`${path} is missing: expected a string`);
  }
  return result;
}

export function texts(value: unknown, path: string): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw invalid(path, value, 'a list of strings');
  }
  return value.map((item, i) => required(item, `${path}[${i}]`));
}

export interface Item {
  /** The key in a map, else the item's `name`. */
  name?: string;
  value: Json;
  path: string;
}

/** Reads a collection written either as a list of named maps or as a map by name. */
export function items(value: unknown, path: string): Item[] {
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
