import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  CatalogProcessorCache,
  CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import path from 'node:path';
import { NaftikoCapabilityProcessor } from '../NaftikoCapabilityProcessor';
import { memoryCache } from './memoryCache';

/** The capability specs the processor is tested on. */
export const FIXTURES = path.resolve(__dirname, '../../__fixtures__/naftiko');

/** The URL reader of the processors made here, for a test to mock its answers. */
export const reader: jest.Mocked<UrlReaderService> = {
  readUrl: jest.fn(),
  readTree: jest.fn(),
  search: jest.fn(),
};

/** A processor with the configuration given, reading URLs through `reader`. */
export function processor(config: object = {}) {
  return NaftikoCapabilityProcessor.fromConfig(new ConfigReader(config), {
    reader,
  });
}

/**
 * Reads a naftiko location with a processor of the configuration given; answers
 * whether it handled the location, what it emitted, and its entities and errors.
 */
export async function read(
  target: string,
  options: {
    optional?: boolean;
    cache?: CatalogProcessorCache;
    config?: object;
  } = {},
) {
  const results: CatalogProcessorResult[] = [];
  const handled = await processor(options.config).readLocation(
    { type: 'naftiko', target },
    options.optional ?? false,
    result => results.push(result),
    async function* parser() {},
    options.cache ?? memoryCache(),
  );
  const entities = results.flatMap(r =>
    r.type === 'entity' ? [r.entity] : [],
  );
  const errors = results.flatMap(r => (r.type === 'error' ? [r.error] : []));
  return { handled, results, entities, errors };
}
