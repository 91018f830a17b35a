import { budgetScopeFromKey, budgetScopeKey } from './describeBudgetScope';
import { AlertScope, BudgetScopeKind } from './types';

/** The kinds of what alerts are about: a budget's scope kinds, and providers. @public */
export type AlertScopeKind = BudgetScopeKind | 'provider';

/** The kind of an alert's scope and the entity ref, team, cost center or provider it names. @public */
export function alertScopeKey(scope: AlertScope): {
  kind: AlertScopeKind;
  value: string;
} {
  if ('provider' in scope) {
    return { kind: 'provider', value: scope.provider };
  }
  return budgetScopeKey(scope);
}

/** The alert scope of a kind and value, as alertScopeKey splits it. @public */
export function alertScopeFromKey(kind: string, value: string): AlertScope {
  return kind === 'provider'
    ? { provider: value }
    : budgetScopeFromKey(kind, value);
}

/** An alert scope in words: as describeBudgetScope says, or "provider openai". @public */
export function describeAlertScope(scope: AlertScope): string {
  const { kind, value } = alertScopeKey(scope);
  return {
    entity: value,
    team: `team ${value}`,
    costCenter: `cost center ${value}`,
    provider: `provider ${value}`,
  }[kind];
}
