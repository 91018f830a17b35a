import {
  AlertScope,
  alertScopeKey,
  finopsBudgetUpdatePermission,
  finopsCostCenterBudgetUpdatePermission,
} from '@tollgate/plugin-finops-common';
import { Authorize } from '../http/createAuthorizer';
import { ApiRequest } from '../http/RouteHelpers';

/**
 * Editing a budget, or acknowledging its alert, needs the right on what it covers; a
 * provider's (reconciliation) alert, as organization-wide, the cost center right.
 */
export function authorizeScopeEdit(
  authorize: Authorize,
  req: ApiRequest,
  scope: AlertScope,
) {
  const { kind, value } = alertScopeKey(scope);
  if (kind === 'costCenter' || kind === 'provider') {
    return authorize(req, finopsCostCenterBudgetUpdatePermission);
  }
  const resourceRef = kind === 'team' ? `group:default/${value}` : value;
  return authorize(req, finopsBudgetUpdatePermission, resourceRef);
}
