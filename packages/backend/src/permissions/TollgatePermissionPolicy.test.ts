import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  finopsBudgetUpdatePermission,
  finopsPermissions,
} from '@tollgate/plugin-finops-common';
import { TollgatePermissionPolicy } from './TollgatePermissionPolicy';

const policy = new TollgatePermissionPolicy(
  mockServices.userInfo({
    ownershipEntityRefs: ['user:default/fiona', 'group:default/finance'],
  }),
);
const fiona = {
  credentials: mockCredentials.user('user:default/fiona'),
  info: {
    userEntityRef: 'user:default/fiona',
    ownershipEntityRefs: ['user:default/fiona', 'group:default/finance'],
  },
};

describe('TollgatePermissionPolicy', () => {
  it('allows finance every finops permission', async () => {
    for (const permission of finopsPermissions) {
      const decision = await policy.handle({ permission }, fiona);
      expect([permission.name, decision.result]).toEqual([
        permission.name,
        permission === finopsBudgetUpdatePermission
          ? AuthorizeResult.CONDITIONAL
          : AuthorizeResult.ALLOW,
      ]);
    }
  });

  it('keeps allowing what is not finops, even without a user', async () => {
    const permission = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(await policy.handle({ permission })).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies finops permissions without a user, and one it does not know', async () => {
    const [costRead] = finopsPermissions;
    expect((await policy.handle({ permission: costRead })).result).toBe(
      AuthorizeResult.DENY,
    );
    const unknown = createPermission({
      name: 'finops.something.new',
      attributes: {},
    });
    expect((await policy.handle({ permission: unknown }, fiona)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it("answers an entity budget edit with the catalog's conditions on the user's refs", async () => {
    expect(
      await policy.handle({ permission: finopsBudgetUpdatePermission }, fiona),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        anyOf: [
          {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {
              claims: ['user:default/fiona', 'group:default/finance'],
            },
          },
          {
            allOf: [
              {
                rule: 'IS_ENTITY_KIND',
                resourceType: 'catalog-entity',
                params: { kinds: ['Group'] },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'name', value: 'finance' },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'namespace', value: 'default' },
              },
            ],
          },
        ],
      },
    });
  });
});
