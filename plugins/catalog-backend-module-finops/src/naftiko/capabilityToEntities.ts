import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ANNOTATION_BILLING_GRANULARITY } from '@tollgate/plugin-finops-common';
import { CapabilitySpec, ExposedAdapter } from './CapabilitySpec';
import { granularityTags } from './billingTags';
import {
  adapterDefinition,
  importDefinition,
  openApiDefinition,
} from './definitions';
import { mapLabels } from './mapLabels';
import { ownerFromStakeholders } from './ownerFromStakeholders';
import { sanitizeEntityName, sanitizeTag } from './sanitize';

/** The spec format and version a capability entity was imported from. */
export const ANNOTATION_NAFTIKO_SPEC_VERSION = 'naftiko.io/spec-version';
/** The adapter an API entity stands for, such as `consumes/openai-chat`. */
export const ANNOTATION_NAFTIKO_ADAPTER = 'naftiko.io/adapter';
/** The `spec.type` of the component a capability becomes. */
export const CAPABILITY_COMPONENT_TYPE = 'capability';

/** The `spec.type` of the API entity each kind of exposed adapter becomes. */
const EXPOSED_API_TYPES: Record<ExposedAdapter['type'], string> = {
  rest: 'openapi',
  mcp: 'mcp',
  skill: 'skill',
  import: 'naftiko-import',
};

export interface CapabilityEntityOptions {
  /** The name to use when the spec gives neither a name nor a title, such as the file name. */
  fallbackName: string;
  /** The owner when no stakeholder names one. */
  defaultOwner: string;
  lifecycle: string;
}

function tags(values: string[]): string[] {
  return [
    ...new Set(
      values.map(sanitizeTag).filter((t): t is string => t !== undefined),
    ),
  ];
}

/**
 * Turns a capability spec into a Component of type `capability` and one API entity per
 * consumed and exposed adapter, related through `consumesApis` and `providesApis`.
 *
 * @throws InputError when the spec cannot become valid entities: no usable name,
 * adapters whose entity names collide, or conflicting billing tags.
 */
export function capabilityToEntities(
  spec: CapabilitySpec,
  options: CapabilityEntityOptions,
): Entity[] {
  const componentName = [spec.name, spec.title, options.fallbackName]
    .map(value => value && sanitizeEntityName(value))
    .find(Boolean);
  if (!componentName) {
    throw new InputError(
      'has no usable name: expected info.label, info.display or info.name with letters or digits',
    );
  }
  const title = spec.title ?? spec.name ?? componentName;
  const owner =
    ownerFromStakeholders(spec.stakeholders) ?? options.defaultOwner;
  const {
    annotations: costAnnotations,
    componentAnnotations,
    labels,
  } = mapLabels(spec.labels);
  const version = spec.infoVersion ?? 'unversioned';
  const names = new Map<string, string>([[componentName, 'the capability']]);
  const apis: Entity[] = [];

  function api(
    adapter: string,
    namespace: string,
    fields: {
      title: string;
      description?: string;
      tags?: string[];
      annotations?: Record<string, string>;
      type: string;
      definition: string;
    },
  ): string {
    const where = `${adapter} ${JSON.stringify(namespace)}`;
    const name = sanitizeEntityName(`${componentName}-${namespace}`)!;
    const taken = names.get(name);
    if (taken) {
      throw new InputError(
        `${where} and ${taken} would both become the entity named "${name}": expected unique adapter namespaces`,
      );
    }
    names.set(name, where);
    apis.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name,
        title: fields.title,
        ...(fields.description ? { description: fields.description } : {}),
        ...(fields.tags?.length ? { tags: tags(fields.tags) } : {}),
        annotations: {
          ...costAnnotations,
          ...fields.annotations,
          [ANNOTATION_NAFTIKO_ADAPTER]: `${adapter}/${namespace}`,
        },
      },
      spec: {
        type: fields.type,
        lifecycle: options.lifecycle,
        owner,
        definition: fields.definition,
      },
    });
    return stringifyEntityRef({ kind: 'API', namespace: 'default', name });
  }

  const consumesApis = spec.consumes.map(adapter => {
    const where = `consumes ${JSON.stringify(adapter.namespace)}`;
    const { billing, others } = granularityTags(adapter.tags, where);
    return api('consumes', adapter.namespace, {
      title: `${adapter.namespace} (consumed by ${title})`,
      description: adapter.description,
      tags: others,
      annotations: billing ? { [ANNOTATION_BILLING_GRANULARITY]: billing } : {},
      type: adapter.importedFrom ? 'naftiko-import' : 'openapi',
      definition: adapter.importedFrom
        ? importDefinition(adapter.namespace, adapter.importedFrom)
        : openApiDefinition(adapter.operations, {
            title: adapter.namespace,
            version,
            description: adapter.description,
            servers: adapter.baseUri ? [adapter.baseUri] : [],
            where,
            billing: true,
          }),
    });
  });

  const providesApis = spec.exposes.map(adapter =>
    api('exposes', adapter.namespace, {
      title: `${adapter.namespace} (${
        adapter.type === 'import' ? 'imported' : adapter.type
      } of ${title})`,
      description: adapter.type === 'import' ? undefined : adapter.description,
      type: EXPOSED_API_TYPES[adapter.type],
      definition:
        adapter.type === 'rest'
          ? openApiDefinition(
              adapter.operations,
              {
                title: adapter.namespace,
                version,
                description: adapter.description,
                where: `exposes ${JSON.stringify(adapter.namespace)}`,
                billing: false,
              },
              adapter.forwards,
            )
          : adapterDefinition(adapter),
    }),
  );

  const component: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: componentName,
      title,
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.tags.length ? { tags: tags(spec.tags) } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations: {
        ...costAnnotations,
        ...componentAnnotations,
        [ANNOTATION_NAFTIKO_SPEC_VERSION]: `${spec.format} ${spec.version}`,
      },
    },
    spec: {
      type: CAPABILITY_COMPONENT_TYPE,
      lifecycle: options.lifecycle,
      owner,
      ...(consumesApis.length ? { consumesApis } : {}),
      ...(providesApis.length ? { providesApis } : {}),
    },
  };
  return [component, ...apis];
}
