import { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { ANNOTATION_BILLING_GRANULARITY } from '../annotations/keys';
import {
  BillingGranularity,
  DeclaredPrice,
  OperationBilling,
  parseBillingGranularity,
  parseOperationBilling,
  parsePrice,
} from '../annotations/parsers';
import {
  OPENAPI_BILLING_EXTENSION,
  OPENAPI_PRICE_EXTENSION,
} from './extensions';

/** How one operation of an API bills, as its OpenAPI definition declares. @public */
export interface ApiOperationBilling {
  /** The operation's `operationId`, else `METHOD /path`. */
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  path: string;
  /** `x-tollgate-billing`, when present and valid. */
  billing?: OperationBilling;
  /** `x-tollgate-price`, when present and valid. */
  price?: DeclaredPrice;
}

/**
 * What is wrong: the granularity annotation, the definition as a whole, or a billing
 * or price tag of one operation.
 *
 * @public
 */
export type ApiBillingProblemKind =
  | 'granularity'
  | 'definition'
  | 'billing-tag'
  | 'price-tag';

/** A problem found while reading the billing of an API. @public */
export interface ApiBillingProblem {
  kind: ApiBillingProblemKind;
  /** The annotation or definition field at fault. */
  field: string;
  /** The operation concerned, for tag problems. */
  operationId?: string;
  /** Names the field, the bad value and the expected form. */
  message: string;
}

/** The billing declared by an API entity. @public */
export interface ApiBilling {
  granularity?: BillingGranularity;
  operations: ApiOperationBilling[];
  /** Lower-case host names of the definition's servers; `{variables}` are kept. */
  hosts: string[];
  problems: ApiBillingProblem[];
}

const METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

/**
 * Reads how an API entity bills: its `tollgate.dev/billing-granularity` annotation and,
 * for `openapi` APIs, each operation's `x-tollgate-billing` and `x-tollgate-price` and
 * the hosts of its servers. Never throws: a malformed annotation, definition or tag
 * is reported in `problems`.
 *
 * @public
 */
export function readApiBilling(entity: Entity): ApiBilling {
  const problems: ApiBillingProblem[] = [];
  const billing: ApiBilling = { operations: [], hosts: [], problems };
  const annotations = entity.metadata?.annotations ?? {};
  if (ANNOTATION_BILLING_GRANULARITY in annotations) {
    const granularity = parseBillingGranularity(
      ANNOTATION_BILLING_GRANULARITY,
      annotations[ANNOTATION_BILLING_GRANULARITY],
    );
    if (granularity.ok) {
      billing.granularity = granularity.value;
    } else {
      problems.push({
        kind: 'granularity',
        field: ANNOTATION_BILLING_GRANULARITY,
        message: granularity.error,
      });
    }
  }
  if (!isOpenApiEntity(entity)) {
    return billing;
  }
  const document = readDefinition(entity, problems);
  if (document) {
    billing.hosts = readHosts(document);
    billing.operations = readOperations(document, problems);
  }
  return billing;
}

/** Whether an entity is an API whose `spec.type` is `openapi`. @public */
export function isOpenApiEntity(entity: Entity): boolean {
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return (
    entity.kind?.toLocaleLowerCase('en-US') === 'api' &&
    typeof type === 'string' &&
    type.toLocaleLowerCase('en-US') === 'openapi'
  );
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDefinition(
  entity: Entity,
  problems: ApiBillingProblem[],
): Json | undefined {
  const expected =
    'expected an OpenAPI document (YAML or JSON) with an "openapi" or "swagger" version';
  const definition = (entity.spec as { definition?: unknown }).definition;
  let document: unknown = definition;
  if (typeof definition === 'string') {
    try {
      document = parse(definition, { maxAliasCount: 100 });
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).split(
        '\n',
      )[0];
      problems.push({
        kind: 'definition',
        field: 'spec.definition',
        message: `spec.definition is not valid YAML or JSON (${reason}): ${expected}`,
      });
      return undefined;
    }
  }
  if (
    !isRecord(document) ||
    (!('openapi' in document) && !('swagger' in document))
  ) {
    problems.push({
      kind: 'definition',
      field: 'spec.definition',
      message:
        definition === undefined
          ? `spec.definition is missing: ${expected}`
          : `spec.definition is not an OpenAPI document: ${expected}`,
    });
    return undefined;
  }
  return document;
}

function readOperations(
  document: Json,
  problems: ApiBillingProblem[],
): ApiOperationBilling[] {
  const paths = document.paths;
  if (paths === undefined || paths === null) {
    return [];
  }
  if (!isRecord(paths)) {
    problems.push({
      kind: 'definition',
      field: 'paths',
      message: `paths of spec.definition has invalid value ${JSON.stringify(
        paths,
      )}: expected a map from paths to path items`,
    });
    return [];
  }
  const operations: ApiOperationBilling[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const field = `paths[${JSON.stringify(path)}]`;
    if (!isRecord(item)) {
      problems.push({
        kind: 'definition',
        field,
        message: `${field} of spec.definition is not a path item: expected a map from HTTP methods to operations`,
      });
      continue;
    }
    if (typeof item.$ref === 'string') {
      problems.push({
        kind: 'definition',
        field,
        message: `${field} of spec.definition refers to ${JSON.stringify(
          item.$ref,
        )}, which is not followed: expected its operations written in place to read their billing tags`,
      });
    }
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) {
        continue;
      }
      const upper = method.toUpperCase();
      if (!isRecord(operation)) {
        problems.push({
          kind: 'definition',
          field: `${field}.${method}`,
          message: `${field}.${method} of spec.definition is not an operation object`,
        });
        continue;
      }
      operations.push(readOperation(operation, upper, path, problems));
    }
  }
  return operations;
}

function readOperation(
  operation: Json,
  method: string,
  path: string,
  problems: ApiBillingProblem[],
): ApiOperationBilling {
  const declaredId =
    typeof operation.operationId === 'string' && operation.operationId.trim()
      ? operation.operationId.trim()
      : undefined;
  const operationId = declaredId ?? `${method} ${path}`;
  const label = declaredId
    ? `operation "${declaredId}" (${method} ${path})`
    : `operation ${method} ${path}`;
  const result: ApiOperationBilling = { operationId, method, path };
  if (OPENAPI_BILLING_EXTENSION in operation) {
    const billing = parseOperationBilling(
      `${OPENAPI_BILLING_EXTENSION} of ${label}`,
      operation[OPENAPI_BILLING_EXTENSION],
    );
    if (billing.ok) {
      result.billing = billing.value;
    } else {
      problems.push({
        kind: 'billing-tag',
        field: OPENAPI_BILLING_EXTENSION,
        operationId,
        message: billing.error,
      });
    }
  }
  if (OPENAPI_PRICE_EXTENSION in operation) {
    const price = parsePrice(
      `${OPENAPI_PRICE_EXTENSION} of ${label}`,
      operation[OPENAPI_PRICE_EXTENSION],
    );
    if (price.ok) {
      result.price = price.value;
    } else {
      problems.push({
        kind: 'price-tag',
        field: OPENAPI_PRICE_EXTENSION,
        operationId,
        message: price.error,
      });
    }
  }
  return result;
}

function readHosts(document: Json): string[] {
  const urls: unknown[] = [];
  const addServers = (holder: unknown) => {
    if (isRecord(holder) && Array.isArray(holder.servers)) {
      for (const server of holder.servers) {
        if (isRecord(server)) {
          urls.push(server.url);
        }
      }
    }
  };
  addServers(document);
  if (isRecord(document.paths)) {
    for (const item of Object.values(document.paths)) {
      addServers(item);
      if (isRecord(item)) {
        METHODS.forEach(method => addServers(item[method]));
      }
    }
  }
  if (typeof document.host === 'string') {
    urls.push(`https://${document.host}`);
  }
  const hosts: string[] = [];
  for (const url of urls) {
    const host = typeof url === 'string' ? hostOf(url) : undefined;
    if (host && !hosts.includes(host)) {
      hosts.push(host);
    }
  }
  return hosts;
}

function hostOf(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url.trim());
  if (!match) {
    return undefined;
  }
  const authority = match[1].slice(match[1].lastIndexOf('@') + 1);
  const host = authority.startsWith('[')
    ? authority.slice(0, authority.indexOf(']') + 1)
    : authority.replace(/:[^:]*$/, '');
  return host ? host.toLowerCase() : undefined;
}
