import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, LocationEntityV1alpha1 } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, isError } from '@backstage/errors';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import fs from 'node:fs/promises';
import path from 'node:path';
import { capabilityToEntities } from '../naftiko/capabilityToEntities';
import { readCapabilitySpec } from '../naftiko/readCapabilitySpec';

/**
 * The catalog location type whose targets are Naftiko or Ikanos capability specs.
 *
 * @public
 */
export const NAFTIKO_LOCATION_TYPE = 'naftiko';

const CACHE_KEY = 'v1';

interface CachedRead {
  etag: string;
  entities: Entity[];
}

/** @public */
export interface NaftikoCapabilityProcessorOptions {
  reader: UrlReaderService;
  /** The owner of capabilities whose stakeholders name none. */
  defaultOwner: string;
  /** The `spec.lifecycle` of the emitted entities. */
  lifecycle: string;
}

function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
}

/**
 * Reads Naftiko and Ikanos capability specs from `naftiko` locations (a file path or a
 * URL) and emits a Component of type `capability` plus an API entity per consumed and
 * exposed adapter. A spec that cannot be read or mapped gets a processing error naming
 * the file and the problem.
 *
 * @public
 */
export class NaftikoCapabilityProcessor implements CatalogProcessor {
  static fromConfig(
    config: Config,
    options: { reader: UrlReaderService },
  ): NaftikoCapabilityProcessor {
    return new NaftikoCapabilityProcessor({
      reader: options.reader,
      defaultOwner:
        config.getOptionalString('tollgate.naftiko.defaultOwner') ?? 'unknown',
      lifecycle:
        config.getOptionalString('tollgate.naftiko.lifecycle') ?? 'production',
    });
  }

  constructor(private readonly options: NaftikoCapabilityProcessorOptions) {}

  getProcessorName(): string {
    return 'NaftikoCapabilityProcessor';
  }

  /**
   * Resolves the relative targets of `naftiko` Location entities against the file or
   * URL they were declared in, as the catalog does for its own location types.
   */
  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
  ): Promise<Entity> {
    if (
      entity.kind !== 'Location' ||
      (entity as LocationEntityV1alpha1).spec?.type !== NAFTIKO_LOCATION_TYPE
    ) {
      return entity;
    }
    const spec = (entity as LocationEntityV1alpha1).spec;
    const resolve = (target: string) => resolveTarget(target, location);
    return {
      ...entity,
      spec: {
        ...spec,
        ...(spec.target ? { target: resolve(spec.target) } : {}),
        ...(spec.targets ? { targets: spec.targets.map(resolve) } : {}),
      },
    };
  }

  async readLocation(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    _parser: unknown,
    cache: CatalogProcessorCache,
  ): Promise<boolean> {
    if (location.type !== NAFTIKO_LOCATION_TYPE) {
      return false;
    }
    const { target } = location;
    const read = isUrl(target)
      ? await this.readUrl(location, optional, emit, cache)
      : await this.readFile(location, optional, emit);
    if (!read) {
      return true;
    }
    let entities: Entity[];
    try {
      entities = capabilityToEntities(readCapabilitySpec(read.source), {
        fallbackName: path.basename(target).replace(/\.[^.]*$/, ''),
        defaultOwner: this.options.defaultOwner,
        lifecycle: this.options.lifecycle,
      });
    } catch (error) {
      const message = `Naftiko capability spec ${target}: ${
        isError(error) ? error.message : String(error)
      }`;
      emit(
        error instanceof InputError
          ? processingResult.inputError(location, message)
          : processingResult.generalError(location, message),
      );
      return true;
    }
    for (const entity of entities) {
      emit(processingResult.entity(location, entity));
    }
    if (read.etag) {
      const cached: CachedRead = { etag: read.etag, entities };
      await cache.set(CACHE_KEY, cached as unknown as JsonObject);
    }
    return true;
  }

  private async readFile(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
  ): Promise<{ source: string; etag?: string } | undefined> {
    const file = path.resolve(location.target);
    try {
      return { source: await fs.readFile(file, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        if (!optional) {
          emit(
            processingResult.notFoundError(
              location,
              `Naftiko capability spec ${file} does not exist`,
            ),
          );
        }
      } else {
        emit(
          processingResult.generalError(
            location,
            `Naftiko capability spec ${file} could not be read: ${
              isError(error) ? error.message : String(error)
            }`,
          ),
        );
      }
      return undefined;
    }
  }

  private async readUrl(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<{ source: string; etag?: string } | undefined> {
    const { target } = location;
    const cached = (await cache.get(CACHE_KEY)) as CachedRead | undefined;
    emit(processingResult.refresh(`url:${target}`));
    try {
      const response = await this.options.reader.readUrl(target, {
        etag: cached?.etag,
      });
      const source = (await response.buffer()).toString('utf8');
      return { source, etag: response.etag };
    } catch (error) {
      const name = isError(error) ? error.name : '';
      const reason = isError(error) ? error.message : String(error);
      if (name === 'NotModifiedError' && cached) {
        for (const entity of cached.entities) {
          emit(processingResult.entity(location, entity));
        }
        await cache.set(CACHE_KEY, cached as unknown as JsonObject);
      } else if (name === 'NotFoundError') {
        if (!optional) {
          emit(
            processingResult.notFoundError(
              location,
              `Naftiko capability spec ${target} was not found: ${reason}`,
            ),
          );
        }
      } else {
        emit(
          processingResult.generalError(
            location,
            `Naftiko capability spec ${target} could not be read: ${reason}`,
          ),
        );
      }
      return undefined;
    }
  }
}

function resolveTarget(target: string, base: LocationSpec): string {
  if (isUrl(target) || path.isAbsolute(target)) {
    return target;
  }
  if (base.type === 'file') {
    return path.join(path.dirname(base.target), target);
  }
  if (base.type === 'url') {
    try {
      return new URL(target, base.target).toString();
    } catch {
      return target;
    }
  }
  return target;
}
