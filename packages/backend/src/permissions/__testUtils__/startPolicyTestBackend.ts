import {
  BackstageUserPrincipal,
  HttpAuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import finopsPlugin from '@tollgate/plugin-finops-backend';
import focusModule from '@tollgate/plugin-finops-backend-module-focus';
import { permissionModuleTollgatePolicy } from '../permissionModuleTollgatePolicy';

const component = (name: string, owner: string, costCenter: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: { 'tollgate.dev/cost-center': costCenter },
  },
  spec: { type: 'capability', lifecycle: 'production', owner },
});
const group = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [] },
});
const user = (name: string, memberOf: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { memberOf },
});

/**
 * The test's catalog: alice is on customer-experience, which owns ticket-triage; bob
 * is on commerce; fiona is in finance.
 */
export const TEST_ENTITIES = [
  group('customer-experience'),
  group('commerce'),
  group('finance'),
  user('alice', ['customer-experience']),
  user('bob', ['commerce']),
  user('fiona', ['finance']),
  component('ticket-triage', 'group:customer-experience', 'cc-cx-2200'),
  component('checkout', 'group:commerce', 'cc-com-3300'),
];

/**
 * The ownership refs a user's Backstage token carries, as the auth backend's catalog
 * sign-in puts them: the user and the groups it is a member of.
 */
function ownershipRefs(userEntityRef: string): string[] {
  const name = userEntityRef.replace(/^user:default\//, '');
  const entity = TEST_ENTITIES.find(
    e => e.kind === 'User' && e.metadata.name === name,
  ) as ReturnType<typeof user> | undefined;
  return [
    userEntityRef,
    ...(entity?.spec.memberOf ?? []).map(g => `group:default/${g}`),
  ];
}

/**
 * Mock request credentials, with what Backstage adds to a plugin's request on behalf
 * of a user: the plugin as the user's actor. The permission backend tells such a
 * request from a user's own by it.
 */
function userActingThroughPlugins(pluginId: string): HttpAuthService {
  const mock = mockServices.httpAuth({
    pluginId,
    defaultCredentials: mockCredentials.none(),
  });
  return {
    credentials: (async (
      req: Parameters<HttpAuthService['credentials']>[0],
      options?: object,
    ) => {
      const credentials = await mock.credentials(req, options);
      const principal = credentials.principal as BackstageUserPrincipal;
      const viaPlugin = /^Bearer mock-service-token:/.test(
        req.headers.authorization ?? '',
      );
      if (viaPlugin && principal.type === 'user') {
        return mockCredentials.user(principal.userEntityRef, {
          actor: { subject: 'plugin:on-behalf-of-user' },
        });
      }
      return credentials;
    }) as HttpAuthService['credentials'],
    issueUserCookie: (res, options) => mock.issueUserCookie(res, options),
  };
}

/** Users' identities: mock tokens, with the ownership refs of TEST_ENTITIES. */
const mockUserIdentities = [
  createServiceFactory({
    service: coreServices.httpAuth,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => userActingThroughPlugins(plugin.getId()),
  }),
  createServiceFactory({
    service: coreServices.userInfo,
    deps: { auth: coreServices.auth },
    factory: ({ auth }) => ({
      async getUserInfo(credentials) {
        if (!auth.isPrincipal(credentials, 'user')) {
          throw new Error('user info is only for users');
        }
        const { userEntityRef } = credentials.principal;
        return {
          userEntityRef,
          ownershipEntityRefs: ownershipRefs(userEntityRef),
        };
      },
    }),
  }),
];

/** The Authorization header of a user of the test catalog. */
export function userHeader(name: string) {
  return mockCredentials.user.header(`user:default/${name}`);
}

/**
 * Starts a backend with the real permission backend and the demo's policy, the real
 * catalog backend reading TEST_ENTITIES, the real notifications backend, and the
 * finops backend with its actions and an (empty) FOCUS source `focus:invoices`, on
 * SQLite. Only
 * identities are mocked: a user's token is a mock token, and its ownership refs are
 * what the auth backend would issue for it; with `staticTokens`, Backstage's own auth
 * serves the external access tokens of that config. Answers once the catalog has the
 * test entities.
 */
export async function startPolicyTestBackend(
  options: {
    /** Backstage's own auth, for the static tokens this config gives, instead. */
    staticTokens?: { config: object; readyAuthorization: string };
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-policy-'));
  const entitiesFile = join(dir, 'entities.yaml');
  writeFileSync(
    entitiesFile,
    TEST_ENTITIES.map(entity => stringify(entity)).join('---\n'),
  );
  const backend = await startTestBackend({
    features: [
      permissionPlugin,
      permissionModuleTollgatePolicy,
      catalogPlugin,
      notificationsPlugin,
      finopsPlugin,
      focusModule,
      // the registry that serves the finops actions, as in the demo backend
      actionsRegistryServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          permission: { enabled: true },
          catalog: {
            rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
            locations: [{ type: 'file', target: entitiesFile }],
          },
          tollgate: {
            sources: {
              focus: [{ id: 'invoices', paths: [join(dir, 'none-*.csv')] }],
            },
          },
          ...options.staticTokens?.config,
        },
      }),
      ...(options.staticTokens
        ? [authServiceFactory, httpAuthServiceFactory]
        : mockUserIdentities),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}`;

  /** Calls the finops API as whoever the Authorization header names. */
  async function call(
    authorization: string | undefined,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${baseUrl}/api/finops${path}`, {
      method,
      headers: {
        ...(authorization ? { Authorization: authorization } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  // the catalog processes its locations after start
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/component/default/checkout`,
      {
        headers: {
          Authorization:
            options.staticTokens?.readyAuthorization ?? userHeader('alice'),
        },
      },
    );
    if (response.ok) break;
    if (Date.now() > deadline) {
      throw new Error(
        `The test catalog has no entities: ${
          response.status
        } ${await response.text()}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return { backend, call };
}
