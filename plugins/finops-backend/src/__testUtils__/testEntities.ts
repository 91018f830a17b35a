import { Entity } from '@backstage/catalog-model';

/**
 * A capability component in the default namespace, owned by a group there (`ml`
 * unless told otherwise) and in production unless told otherwise. With
 * `ownedByRelation` it has the relation the catalog processes from its owner.
 */
export function capabilityComponent(
  name: string,
  options: {
    annotations?: Record<string, string>;
    team?: string;
    lifecycle?: string;
    ownedByRelation?: boolean;
  } = {},
): Entity {
  const owner = `group:default/${options.team ?? 'ml'}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(options.annotations && { annotations: options.annotations }),
    },
    spec: {
      type: 'capability',
      owner,
      lifecycle: options.lifecycle ?? 'production',
    },
    ...(options.ownedByRelation && {
      relations: [{ type: 'ownedBy', targetRef: owner }],
    }),
  };
}

/** The `ml` team, with a budget of 1000 USD a month. */
export const mlGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'ml',
    namespace: 'default',
    annotations: { 'tollgate.dev/budget': '1000 USD/month' },
  },
  spec: { type: 'team', children: [] },
};
