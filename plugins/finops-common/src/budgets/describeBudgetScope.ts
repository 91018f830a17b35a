import { BudgetScope, BudgetScopeKind } from './types';

/** The kind of a budget scope and the entity ref, team or cost center it names. @public */
export function budgetScopeKey(scope: BudgetScope): {
  kind: BudgetScopeKind;
  value: string;
} {
  if ('entityRef' in scope) {
    return { kind: 'entity', value: scope.entityRef };
  }
  if ('team' in scope) {
    return { kind: 'team', value: scope.team };
  }
  return { kind: 'costCenter', value: scope.costCenter };
}

/** A budget scope in words: "component:default/x", "team payments", "cost center cc-1". @public */
export function describeBudgetScope(scope: BudgetScope): string {
  const { kind, value } = budgetScopeKey(scope);
  return {
    entity: value,
    team: `team ${value}`,
    costCenter: `cost center ${value}`,
  }[kind];
}

/** The budget scope of a kind and value, as budgetScopeKey splits it. @public */
export function budgetScopeFromKey(kind: string, value: string): BudgetScope {
  if (kind === 'team') {
    return { team: value };
  }
  if (kind === 'costCenter') {
    return { costCenter: value };
  }
  return { entityRef: value };
}
