import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/** Read an entity's cost, budget status and scorecard. @public */
export const finopsCostReadPermission = createPermission({
  name: 'finops.cost.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Create, change or delete a budget of an entity. @public */
export const finopsBudgetUpdatePermission = createPermission({
  name: 'finops.budget.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Create, change or delete a cost center's budget. Entity budgets use
 * finopsBudgetUpdatePermission on the entity, team budgets on the team's Group.
 *
 * @public
 */
export const finopsCostCenterBudgetUpdatePermission = createPermission({
  name: 'finops.budget.costCenter.update',
  attributes: { action: 'update' },
});

/** Run a cost source now. @public */
export const finopsIngestRunPermission = createPermission({
  name: 'finops.ingest.run',
  attributes: { action: 'create' },
});

/**
 * Report usage as it happens and reserve budget before spending: what gateways, SDKs
 * and agent runtimes do. @public
 */
export const finopsUsageReportPermission = createPermission({
  name: 'finops.usage.report',
  attributes: { action: 'create' },
});

/** Read organization-wide spend: the summary, alerts and the FOCUS export. @public */
export const finopsSummaryReadPermission = createPermission({
  name: 'finops.summary.read',
  attributes: { action: 'read' },
});

/** @public */
export const finopsPermissions = [
  finopsCostReadPermission,
  finopsBudgetUpdatePermission,
  finopsCostCenterBudgetUpdatePermission,
  finopsIngestRunPermission,
  finopsSummaryReadPermission,
  finopsUsageReportPermission,
];
