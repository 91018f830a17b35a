import {
  alertScopeFromKey,
  alertScopeKey,
  describeAlertScope,
} from './alertScope';
import { AlertScope } from './types';

describe('alert scopes', () => {
  it.each<[AlertScope, string, string, string]>([
    [
      { entityRef: 'component:default/x' },
      'entity',
      'component:default/x',
      'component:default/x',
    ],
    [{ team: 'ml' }, 'team', 'ml', 'team ml'],
    [{ costCenter: 'cc-1' }, 'costCenter', 'cc-1', 'cost center cc-1'],
    [{ provider: 'openai' }, 'provider', 'openai', 'provider openai'],
  ])('keys %j as %s %s and back', (scope, kind, value, words) => {
    expect(alertScopeKey(scope)).toEqual({ kind, value });
    expect(alertScopeFromKey(kind, value)).toEqual(scope);
    expect(describeAlertScope(scope)).toBe(words);
  });
});
