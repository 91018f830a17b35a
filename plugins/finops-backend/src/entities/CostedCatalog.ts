import { Entity } from '@backstage/catalog-model';
import { yieldToEventLoop } from '../database/yieldToEventLoop';
import { VendorClaims } from '../sources/VendorClaims';
import { CostedEntity, toCostedEntity } from './CostedEntity';
import { normalizeEntityRef } from './entityRefKey';

const built = new WeakMap<Entity[], CostedCatalog>();

/**
 * The costed entities of one catalog read, by ref. Ingestion, budgets, the guardrail,
 * metering and scorecards that work from the same read share one model of it.
 */
export class CostedCatalog {
  /** The model of a catalog read, built at its first use and shared by every later one. */
  static of(catalogEntities: Entity[]): CostedCatalog {
    return (
      built.get(catalogEntities) ??
      remember(catalogEntities, new CostedCatalog(catalogEntities))
    );
  }

  /**
   * As `of`, but a catalog not built yet is built with turns of the event loop in
   * between its entities, for work that must not hold requests (the guardrail's
   * included) while it models a large catalog. The model is shared once complete.
   */
  static async inSlices(catalogEntities: Entity[]): Promise<CostedCatalog> {
    if (built.has(catalogEntities)) {
      return CostedCatalog.of(catalogEntities);
    }
    const entities: CostedEntity[] = [];
    for (const entity of catalogEntities) {
      await yieldToEventLoop();
      entities.push(toCostedEntity(entity));
    }
    // another caller may have built it meanwhile: the first one built is kept
    return (
      built.get(catalogEntities) ??
      remember(catalogEntities, new CostedCatalog(catalogEntities, entities))
    );
  }

  /** Every costed entity of the read, in the order the catalog answered them. */
  readonly entities: readonly CostedEntity[];
  private readonly byKey = new Map<
    string,
    { costed: CostedEntity; entity: Entity }
  >();
  private readonly costedByKey = new Map<string, CostedEntity>();
  /**
   * What refs as sources write them name, looked up once each: a file repeats a few
   * refs over many records.
   */
  private readonly byWrittenRef = new Map<
    string,
    { costed: CostedEntity; entity: Entity } | undefined
  >();
  private claims?: VendorClaims;

  /** `entities`, if given, are the costed entities of `catalogEntities`, in order. */
  constructor(
    readonly catalogEntities: Entity[],
    entities: readonly CostedEntity[] = catalogEntities.map(toCostedEntity),
  ) {
    this.entities = entities;
    entities.forEach((costed, i) => {
      this.byKey.set(costed.entityRef, { costed, entity: catalogEntities[i] });
      this.costedByKey.set(costed.entityRef, costed);
    });
  }

  /** The costed entities by their key (see entityRefKey). */
  get byRef(): ReadonlyMap<string, CostedEntity> {
    return this.costedByKey;
  }

  /**
   * The entity a ref names, written as sources and callers write it (see
   * normalizeEntityRef); undefined if the read has no such entity.
   */
  find(ref: string): CostedEntity | undefined {
    return this.lookUp(ref)?.costed;
  }

  /** The catalog entity a ref names, as `find` reads the ref. */
  catalogEntity(ref: string): Entity | undefined {
    return this.lookUp(ref)?.entity;
  }

  /** The vendor ids the entities claim, read on first use. */
  get vendorClaims(): VendorClaims {
    return (this.claims ??= VendorClaims.fromEntities(this.catalogEntities));
  }

  private lookUp(ref: string) {
    let found = this.byWrittenRef.get(ref);
    if (found === undefined && !this.byWrittenRef.has(ref)) {
      const key = normalizeEntityRef(ref);
      found = key ? this.byKey.get(key) : undefined;
      this.byWrittenRef.set(ref, found);
    }
    return found;
  }
}

/** Keeps the model of a catalog read for its later uses; answers it. */
function remember(
  catalogEntities: Entity[],
  catalog: CostedCatalog,
): CostedCatalog {
  built.set(catalogEntities, catalog);
  return catalog;
}
