import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';

/** A processor cache in memory, storing values as JSON as the catalog does. */
export function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, unknown>();
  return {
    get: async key => values.get(key) as any,
    set: async (key, value) => {
      values.set(key, JSON.parse(JSON.stringify(value)));
    },
  };
}
