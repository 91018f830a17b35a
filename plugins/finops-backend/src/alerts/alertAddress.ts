import { parseEntityRef } from '@backstage/catalog-model';
import { FinopsAlert, alertScopeKey } from '@tollgate/plugin-finops-common';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';

/**
 * Who is told of an alert: the owners of its entity, team or cost center; nobody in
 * the catalog of a provider's (the webhook is told).
 */
export function recipientsOf(
  alert: FinopsAlert,
  snapshot: BudgetSnapshot,
): string[] {
  const { kind, value } = alertScopeKey(alert.scope);
  if (kind === 'provider') {
    return [];
  }
  if (kind === 'entity') {
    const owner = snapshot.entity(value)?.owner;
    return owner ? [owner] : [];
  }
  if (kind === 'team') {
    return [`group:default/${value}`];
  }
  const owners = new Set<string>();
  for (const entity of snapshot.entities()) {
    if (entity.costCenter === value && entity.owner) {
      owners.add(entity.owner);
    }
  }
  return [...owners];
}

/** The page an alert's notification links to. */
export function linkOf(alert: FinopsAlert): string {
  if ('entityRef' in alert.scope) {
    const ref = parseEntityRef(alert.scope.entityRef);
    return `/catalog/${ref.namespace}/${ref.kind}/${ref.name}/cost`;
  }
  return '/finops';
}
