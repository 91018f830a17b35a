import { UserInfoService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/** Members of this group edit cost-center budgets and run cost sources. */
export const FINANCE_GROUP_REF = 'group:default/finance';

/** Permissions of @tollgate/plugin-finops-common, by name. */
export const FINOPS_PERMISSION_NAMES = {
  costRead: 'finops.cost.read',
  summaryRead: 'finops.summary.read',
  usageReport: 'finops.usage.report',
  budgetUpdate: 'finops.budget.update',
  costCenterBudgetUpdate: 'finops.budget.costCenter.update',
  ingestRun: 'finops.ingest.run',
} as const;

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The demo's permission policy for users (Backstage decides for services, by their
 * token's access restrictions). Anything that is not finops stays allowed. Everyone
 * signed in reads costs and reports usage (an agent acting for a user spends as
 * them); owners edit their entities' budgets and their teams' budgets; members of
 * the finance group edit cost-center budgets and run sources.
 */
export class TollgatePermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!permission.name.startsWith('finops.')) {
      return ALLOW;
    }
    if (!user) {
      return DENY;
    }
    switch (permission.name) {
      case FINOPS_PERMISSION_NAMES.costRead:
      case FINOPS_PERMISSION_NAMES.summaryRead:
      case FINOPS_PERMISSION_NAMES.usageReport:
        return ALLOW;
      case FINOPS_PERMISSION_NAMES.costCenterBudgetUpdate:
      case FINOPS_PERMISSION_NAMES.ingestRun:
        return (await this.ownershipRefs(user)).includes(FINANCE_GROUP_REF)
          ? ALLOW
          : DENY;
      case FINOPS_PERMISSION_NAMES.budgetUpdate:
        if (isResourcePermission(permission, 'catalog-entity')) {
          return createCatalogConditionalDecision(
            permission,
            ownedOrJoined(await this.ownershipRefs(user)),
          );
        }
        return DENY;
      default:
        return DENY;
    }
  }

  private async ownershipRefs(user: PolicyQueryUser): Promise<string[]> {
    const info = await this.userInfo.getUserInfo(user.credentials);
    return info.ownershipEntityRefs;
  }
}

/**
 * An entity the user or one of their groups owns, or one of the user's groups itself:
 * a team budget is checked on the team's Group, which its members may edit.
 */
function ownedOrJoined(
  ownershipRefs: string[],
): PermissionCriteria<PermissionCondition<'catalog-entity'>> {
  const groups = ownershipRefs
    .map(ref => parseEntityRef(ref))
    .filter(ref => ref.kind.toLocaleLowerCase('en-US') === 'group')
    .map(
      (group): PermissionCriteria<PermissionCondition<'catalog-entity'>> => ({
        allOf: [
          catalogConditions.isEntityKind({ kinds: ['Group'] }),
          catalogConditions.hasMetadata({ key: 'name', value: group.name }),
          catalogConditions.hasMetadata({
            key: 'namespace',
            value: group.namespace,
          }),
        ],
      }),
    );
  return {
    anyOf: [
      catalogConditions.isEntityOwner({ claims: ownershipRefs }),
      ...groups,
    ],
  };
}
