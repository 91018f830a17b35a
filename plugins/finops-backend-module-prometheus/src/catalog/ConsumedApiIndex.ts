import {
  Entity,
  RELATION_CONSUMES_API,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ApiServer, readApiServers, serverHostMatches } from './readApiServers';

/** An API entity a component consumes, with the servers of its definition. */
export interface ConsumedApi {
  ref: string;
  /** The API's title, or its name. */
  displayName: string;
  servers: ApiServer[];
}

/** A consumed API whose server answers a called host. */
export interface ConsumedApiMatch {
  api: ConsumedApi;
  server: ApiServer;
}

/**
 * The catalog's API entities, and which of them each component consumes through
 * `spec.consumesApis` or `consumesApi` relations.
 */
export class ConsumedApiIndex {
  private constructor(private readonly apis: Map<string, ConsumedApi>) {}

  static fromEntities(entities: Entity[]): ConsumedApiIndex {
    const apis = new Map<string, ConsumedApi>();
    for (const entity of entities) {
      if (entity.kind.toLowerCase() !== 'api') {
        continue;
      }
      const definition = entity.spec?.definition;
      const ref = stringifyEntityRef(entity);
      apis.set(ref.toLowerCase(), {
        ref,
        displayName: entity.metadata.title ?? entity.metadata.name,
        servers:
          typeof definition === 'string' ? readApiServers(definition) : [],
      });
    }
    return new ConsumedApiIndex(apis);
  }

  /** The catalog APIs a component consumes, in ref order. */
  consumedBy(component: Entity): ConsumedApi[] {
    const namespace = component.metadata.namespace ?? 'default';
    const refs = new Set<string>();
    const declared = component.spec?.consumesApis;
    if (Array.isArray(declared)) {
      for (const text of declared) {
        if (typeof text !== 'string') {
          continue;
        }
        try {
          refs.add(
            stringifyEntityRef(
              parseEntityRef(text, {
                defaultKind: 'api',
                defaultNamespace: namespace,
              }),
            ).toLowerCase(),
          );
        } catch {
          // The catalog reports malformed refs on the entity itself.
        }
      }
    }
    for (const relation of component.relations ?? []) {
      if (relation.type === RELATION_CONSUMES_API) {
        refs.add(relation.targetRef.toLowerCase());
      }
    }
    return [...refs]
      .sort()
      .map(ref => this.apis.get(ref))
      .filter((api): api is ConsumedApi => api !== undefined);
  }
}

/** The consumed APIs whose servers answer a host, in ref order. */
export function matchConsumedApis(
  apis: ConsumedApi[],
  host: string,
): ConsumedApiMatch[] {
  const matches: ConsumedApiMatch[] = [];
  for (const api of apis) {
    const server = api.servers.find(s => serverHostMatches(s, host));
    if (server) {
      matches.push({ api, server });
    }
  }
  return matches;
}
