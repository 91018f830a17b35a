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
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  finopsBudgetUpdatePermission,
  finopsCostCenterBudgetUpdatePermission,
  finopsCostReadPermission,
  finopsIngestRunPermission,
  finopsSummaryReadPermission,
  finopsUsageReportPermission,
} from '@tollgate/plugin-finops-common';

/** Members of this group edit cost-center budgets and run cost sources. */
export const FINANCE_GROUP_REF = 'group:default/finance';

/** What everyone signed in may do: read costs and report usage. */
const SIGNED_IN = [
  finopsCostReadPermission,
  finopsSummaryReadPermission,
  finopsUsageReportPermission,
];
/** What only the finance group may do. */
const FINANCE = [
  finopsCostCenterBudgetUpdatePermission,
  finopsIngestRunPermission,
];

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
    if (SIGNED_IN.some(p => isPermission(permission, p))) {
      return ALLOW;
    }
    if (FINANCE.some(p => isPermission(permission, p))) {
      return (await this.ownershipRefs(user)).includes(FINANCE_GROUP_REF)
        ? ALLOW
        : DENY;
    }
    if (
      isPermission(permission, finopsBudgetUpdatePermission) &&
      isResourcePermission(permission, 'catalog-entity')
    ) {
      return createCatalogConditionalDecision(
        permission,
        ownedOrJoined(await this.ownershipRefs(user)),
      );
    }
    return DENY;
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
